/**
 * The inline script that sets the page's direction before any module loads must choose the
 * language the app will choose (resolveLanguage), and know the same languages.
 */
import { describe, expect, it } from 'vitest';
import {
	EARLY_DIRECTION_SCRIPT,
	FIRST_VISIT_ATTRIBUTE,
	FONTS_ATTRIBUTE,
	LANGUAGE_HINT_KEY,
	STORED_FLAG_KEY,
	RTL_CODES,
	SHIPPED_CODES
} from '../../../src/lib/i18n/early-direction.js';
import { SHIPPED_LANGUAGES, languageInfo, resolveLanguage } from '../../../src/lib/i18n/languages';

/** Runs the script against a fake page; returns <html>'s dir ('' when left alone) and attributes. */
function runPage(
	hint: string | null,
	languages: string[] | undefined,
	storageThrows = false,
	stored: string | null = null,
	serviceWorker?: { controller: object | null },
	sessionStorage: object = {}
) {
	const attributes = new Map<string, string>();
	const documentElement = { dir: '', setAttribute: (name: string, value: string) => attributes.set(name, value) };
	const localStorage = {
		getItem: (key: string) => {
			if (storageThrows) throw new Error('SecurityError');
			return key === LANGUAGE_HINT_KEY ? hint : key === STORED_FLAG_KEY ? stored : null;
		}
	};
	const navigator = { languages, language: languages?.[0] ?? 'fr-FR', serviceWorker };
	new Function('document', 'localStorage', 'navigator', 'sessionStorage', EARLY_DIRECTION_SCRIPT)(
		{ documentElement },
		localStorage,
		navigator,
		sessionStorage
	);
	return {
		dir: documentElement.dir,
		firstVisit: attributes.has(FIRST_VISIT_ATTRIBUTE),
		fonts: attributes.has(FONTS_ATTRIBUTE)
	};
}

const run = (hint: string | null, languages: string[] | undefined, storageThrows = false) =>
	runPage(hint, languages, storageThrows).dir;

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

	it('marks a first visit: neither a language used here before nor a database', () => {
		expect(runPage(null, ['fr-FR']).firstVisit).toBe(true);
		expect(runPage(null, ['ar-EG'])).toMatchObject({ dir: 'rtl', firstVisit: true });
		// A language was used here (a page ran the app before): records may exist, so no guess.
		expect(runPage('fr', ['fr-FR']).firstVisit).toBe(false);
		// The session has opened the database on this device.
		expect(runPage(null, ['fr-FR'], false, '1').firstVisit).toBe(false);
		expect(runPage('fr', ['fr-FR'], false, '1').firstVisit).toBe(false);
		// The session found no database: the next page of a visit that only looked is a first visit's too.
		expect(runPage('fr', ['fr-FR'], false, '0').firstVisit).toBe(true);
		// Storage blocked: nothing can be known, and nothing can have been stored through it either.
		expect(runPage(null, ['fr-FR'], true).firstVisit).toBe(true);
	});

	it('uses the text fonts only on a page a service worker serves (they are on the device then)', () => {
		expect(runPage('ar', ['ar'], false, '1', { controller: {} })).toMatchObject({ dir: 'rtl', fonts: true });
		expect(runPage('fr', ['fr-FR'], false, '1', { controller: null }).fonts).toBe(false); // not yet in control
		expect(runPage(null, ['fr-FR'], false, null, undefined).fonts).toBe(false); // no service workers here
		expect(runPage(null, ['fr-FR'], true, null, { controller: {} }).fonts).toBe(true); // storage blocked
		// A private mode that throws on reading navigator.serviceWorker: no fonts, the direction still set.
		const throwing = {
			get controller(): null {
				throw new Error('SecurityError');
			}
		};
		expect(runPage('ar', ['fr-FR'], false, '1', throwing)).toMatchObject({ dir: 'rtl', fonts: false });
	});

	it('opens sessionStorage before the first paint, and a refused one changes nothing', () => {
		let reads = 0;
		const counted = {
			get length() {
				reads++;
				return 0;
			}
		};
		expect(runPage(null, ['ar-MA'], false, null, undefined, counted).dir).toBe('rtl');
		expect(reads).toBe(1);
		const refused = {
			get length(): number {
				throw new Error('SecurityError');
			}
		};
		expect(runPage('ar', ['fr-FR'], false, '1', { controller: {} }, refused)).toEqual({
			dir: 'rtl',
			firstVisit: false,
			fonts: true
		});
	});
});
