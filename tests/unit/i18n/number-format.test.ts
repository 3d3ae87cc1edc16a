import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/i18n/number-format';
import { SHIPPED_LANGUAGES } from '../../../src/lib/i18n/languages';
import { i18n } from '../../../src/lib/i18n/i18n';

const samples = [0, 1, 2, 7, 12, 99, 100, 999, 1000, 1234, 5000, 12345, 1.5, -3];

describe('formatNumber', () => {
	for (const language of SHIPPED_LANGUAGES)
		it(`writes numbers as Intl.NumberFormat does in ${language.code}`, () => {
			const intl = new Intl.NumberFormat(language.locale);
			expect(intl.resolvedOptions().numberingSystem).toBe(language.numbering ?? 'latn');
			for (const n of samples) expect(formatNumber(n, language.locale, language.numbering)).toBe(intl.format(n));
		});

	it('uses the locale digits when a language is not written with 0-9', () => {
		expect(formatNumber(42, 'ar-EG', 'arab')).toBe(new Intl.NumberFormat('ar-EG').format(42));
		expect(formatNumber(42, 'ar-EG', 'arab')).not.toBe('42');
		expect(formatNumber(1234, 'fr-FR')).toBe(new Intl.NumberFormat('fr-FR').format(1234));
		expect(formatNumber(1234, 'fr-FR')).not.toBe('1234');
	});

	it('is what i18next uses for {{count, number}}: no Intl.NumberFormat for a small count', () => {
		i18n.addResource('uk', 'translation', 'test.numberFormat', '{{count, number}} #');
		const Original = Intl.NumberFormat;
		const made: unknown[] = [];
		Intl.NumberFormat = class extends Original {
			constructor(...args: ConstructorParameters<typeof Original>) {
				super(...args);
				made.push(args[0]);
			}
		} as typeof Original;
		try {
			expect(i18n.t('test.numberFormat', { lng: 'uk', count: 12 })).toBe('12 #');
			expect(made).toEqual([]);
			expect(i18n.t('test.numberFormat', { lng: 'uk', count: 12345 })).toBe(
				`${new Intl.NumberFormat('uk-UA').format(12345)} #`
			);
			expect(made).toContain('uk-UA');
		} finally {
			Intl.NumberFormat = Original;
		}
	});
});
