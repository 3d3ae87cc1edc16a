import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { i18n, loadLocale } from '../../../src/lib/i18n/i18n';
import { languageInfo } from '../../../src/lib/i18n/languages';

describe('i18n setup', () => {
	it('starts in French with the bundled strings', () => {
		expect(i18n.isInitialized).toBe(true);
		expect(i18n.language).toBe('fr');
		expect(i18n.t('portfolio.title')).toBe('Mon portfolio');
	});

	it('uses French plural rules: one vs other', () => {
		const t = i18n.getFixedT('fr');
		const one = t('portfolio.count', { count: 1 });
		const five = t('portfolio.count', { count: 5 });
		expect(one).not.toBe(five);
		expect(one).not.toContain('portfolio.count');
		expect(five).toContain('5');
		expect(one).not.toContain('1');
	});

	it('loading French again is a no-op', async () => {
		await expect(loadLocale('fr')).resolves.toBeUndefined();
	});

	it('refuses a language without a locale file', async () => {
		await expect(loadLocale('xx')).rejects.toThrow('no locale file');
	});

	// Locale files other than fr.json are being written: each case runs once its file exists
	// (reported as skipped, not passed, before that).
	const PLURAL_SAMPLES = [0, 1, 2, 3, 10, 11, 21, 99, 100, 102, 1.5];
	const localeFile = (code: string) => `src/lib/i18n/locales/${code}.json`;
	const cases: [code: string, forms: number][] = [
		['ar', 6],
		['en', 2],
		['uk', 4]
	];
	for (const [code, forms] of cases) {
		it.runIf(existsSync(localeFile(code)))(`uses the ${forms} ${code} plural forms from ${code}.json`, async () => {
			await loadLocale(code);
			const table = JSON.parse(readFileSync(localeFile(code), 'utf8')) as { portfolio?: Record<string, string> };
			const rules = new Intl.PluralRules(languageInfo(code).locale);
			const t = i18n.getFixedT(code);
			const seen = new Set<string>();
			for (const count of PLURAL_SAMPLES) {
				const form = rules.select(count);
				const expected = table.portfolio?.[`count_${form}`];
				expect(expected, `${code}.json lacks portfolio.count_${form}`).toBeDefined();
				// Numbers go through Intl for the language ({{count, number}}), never raw.
				const shown = expected!.replace(/\{\{count(, number)?\}\}/, new Intl.NumberFormat(code).format(count));
				expect(t('portfolio.count', { count })).toBe(shown);
				seen.add(form);
			}
			expect(seen.size).toBe(forms);
		});
	}
});
