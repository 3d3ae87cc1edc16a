import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../../src/lib/i18n/date-format';
import '../../../src/lib/i18n/texts'; // registers the patterns, as in the app
import { SHIPPED_LANGUAGES } from '../../../src/lib/i18n/languages';
import { datePatterns, STYLES } from '../../../scripts/lib/date-patterns';

const DAY = 86_400_000;

describe('formatDate', () => {
	it('date-patterns.json is what ICU says today (run `npx tsx scripts/date-patterns.ts` after adding a language)', () => {
		expect(JSON.parse(readFileSync('src/lib/i18n/date-patterns.json', 'utf8'))).toEqual(datePatterns());
	});

	it('writes every day of two years exactly as Intl.DateTimeFormat does, in every shipped language and style', () => {
		let checked = 0;
		for (const { locale } of SHIPPED_LANGUAGES)
			for (const style of STYLES) {
				const intl = new Intl.DateTimeFormat(locale, { dateStyle: style });
				for (let ms = Date.UTC(2025, 0, 1, 12); ms < Date.UTC(2027, 0, 1); ms += DAY) {
					expect(formatDate(locale, style, ms), `${locale} ${style} ${new Date(ms).toISOString()}`).toBe(
						intl.format(ms)
					);
					checked++;
				}
			}
		expect(checked).toBe(SHIPPED_LANGUAGES.length * STYLES.length * 730);
	});

	it('a year before 2000 and a two-digit day and month too', () => {
		const ms = Date.UTC(1999, 11, 31, 12);
		for (const { locale } of SHIPPED_LANGUAGES)
			expect(formatDate(locale, 'long', ms)).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(ms));
	});

	it('a style or locale without a pattern falls back on Intl', () => {
		const day = Date.UTC(2026, 10, 28, 12);
		expect(formatDate('en-GB', 'short', day)).toBe(
			new Intl.DateTimeFormat('en-GB', { dateStyle: 'short' }).format(day)
		);
		expect(formatDate('de-DE', 'long', day)).toBe(new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' }).format(day));
		expect(formatDate('fr-FR', 'long', day)).toContain('novembre');
		expect(formatDate('ar', 'long', day)).toContain('نوفمبر');
	});

	it('makes no Intl.DateTimeFormat for a shipped language (the point: no ICU date data to load)', async () => {
		// Fresh modules: no formatter kept by the tests above, patterns registered as the app does.
		vi.resetModules();
		const fresh = await import('../../../src/lib/i18n/date-format');
		await import('../../../src/lib/i18n/texts');
		const Real = Intl.DateTimeFormat;
		let made = 0;
		class Counting extends Real {
			constructor(...args: ConstructorParameters<typeof Real>) {
				super(...args);
				made++;
			}
		}
		Object.defineProperty(Intl, 'DateTimeFormat', { value: Counting, configurable: true, writable: true });
		try {
			for (const { locale } of SHIPPED_LANGUAGES)
				for (const style of STYLES) fresh.formatDate(locale, style, Date.UTC(2031, 2, 3, 12));
			expect(made).toBe(0);
			fresh.formatDate('de-DE', 'medium', Date.UTC(2031, 2, 3, 12));
			expect(made).toBe(1);
		} finally {
			Object.defineProperty(Intl, 'DateTimeFormat', { value: Real, configurable: true, writable: true });
		}
	});
});
