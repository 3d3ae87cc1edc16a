/**
 * The inline script that sets the page's direction before any module loads must choose the
 * language the app will choose (resolveLanguage), and know the same languages.
 */
import { describe, expect, it } from 'vitest';
import {
	EARLY_DIRECTION_SCRIPT,
	LANGUAGE_HINT_KEY,
	RTL_CODES,
	SHIPPED_CODES
} from '../../../src/lib/i18n/early-direction.js';
import { SHIPPED_LANGUAGES, languageInfo, resolveLanguage } from '../../../src/lib/i18n/languages';

/** Runs the script against a fake page; returns the dir it set ('' when it left it alone). */
function run(hint: string | null, languages: string[] | undefined, storageThrows = false): string {
	const documentElement = { dir: '' };
	const localStorage = {
		getItem: (key: string) => {
			if (storageThrows) throw new Error('SecurityError');
			return key === LANGUAGE_HINT_KEY ? hint : null;
		}
	};
	const navigator = { languages, language: languages?.[0] ?? 'fr-FR' };
	new Function('document', 'localStorage', 'navigator', EARLY_DIRECTION_SCRIPT)(
		{ documentElement },
		localStorage,
		navigator
	);
	return documentElement.dir;
}

describe('early direction', () => {
	it('knows exactly the shipped languages and which are right to left', () => {
		expect([...SHIPPED_CODES].sort()).toEqual(SHIPPED_LANGUAGES.map((l) => l.code).sort());
		expect([...RTL_CODES].sort()).toEqual(
			SHIPPED_LANGUAGES.filter((l) => l.dir === 'rtl')
				.map((l) => l.code)
				.sort()
		);
	});

	const cases: [string | null, string[]][] = [
		[null, ['ar-MA', 'fr-FR']],
		[null, ['ar']],
		[null, ['de-DE', 'ar-DZ']],
		[null, ['fr-FR', 'ar']],
		[null, ['de-DE']],
		[null, []],
		['fr', ['ar-MA']],
		['ar', ['fr-FR']],
		['en', ['ar']],
		['xx', ['ar-SA']],
		['ar', []]
	];
	it.each(cases)('hint %s, device %j: the direction of the language the app will pick', (hint, device) => {
		const expected = languageInfo(resolveLanguage(hint, device)).dir === 'rtl' ? 'rtl' : '';
		expect(run(hint, device)).toBe(expected);
	});

	it('falls back on navigator.language, and on the device when storage is blocked', () => {
		expect(run(null, undefined)).toBe('');
		expect(run(null, ['ar-EG'], true)).toBe('rtl');
		expect(run(null, ['fr-FR'], true)).toBe('');
	});
});
