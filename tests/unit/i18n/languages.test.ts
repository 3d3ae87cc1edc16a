import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LANGUAGE, SHIPPED_LANGUAGES, languageInfo, resolveLanguage } from '../../../src/lib/i18n/languages';

const shipped = SHIPPED_LANGUAGES.map((l) => l.code);

describe('resolveLanguage', () => {
	it('uses the saved choice first, whatever the device says', () => {
		expect(resolveLanguage('en', ['ar-MA', 'fr-FR'])).toBe('en');
		expect(resolveLanguage('uk', [])).toBe('uk');
	});

	it('ignores a saved value that is not a shipped language', () => {
		expect(resolveLanguage('de', ['ar-MA'])).toBe('ar');
		expect(resolveLanguage('', ['en-US'])).toBe('en');
		expect(resolveLanguage('__proto__', [])).toBe(DEFAULT_LANGUAGE);
	});

	it('then follows the device languages in order, by primary subtag', () => {
		expect(resolveLanguage(undefined, ['ar-MA'])).toBe('ar');
		expect(resolveLanguage(null, ['de-DE', 'uk-UA', 'en-GB'])).toBe('uk');
		expect(resolveLanguage(undefined, ['EN-us'])).toBe('en');
		expect(resolveLanguage(undefined, ['zh-Hant-TW', 'fr-CA'])).toBe('fr');
	});

	it('falls back to French', () => {
		expect(DEFAULT_LANGUAGE).toBe('fr');
		expect(resolveLanguage(undefined, [])).toBe('fr');
		expect(resolveLanguage(null, ['de-DE', 'es'])).toBe('fr');
	});

	it('always returns a shipped language', () => {
		fc.assert(
			fc.property(fc.option(fc.string()), fc.array(fc.string()), (saved, device) => {
				expect(shipped).toContain(resolveLanguage(saved, device));
			})
		);
	});
});

describe('languageInfo', () => {
	it('describes Arabic as right-to-left and the others as left-to-right', () => {
		expect(languageInfo('ar').dir).toBe('rtl');
		for (const code of ['fr', 'en', 'uk']) expect(languageInfo(code).dir).toBe('ltr');
	});

	it('falls back to French for an unknown code', () => {
		expect(languageInfo('xx').code).toBe('fr');
	});
});
