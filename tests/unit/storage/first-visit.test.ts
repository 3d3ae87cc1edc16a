import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
	firstVisitAtFirstPaint,
	nothingStoredYet,
	rememberNothingStored,
	rememberStored
} from '../../../src/lib/storage/first-visit';
import { EARLY_DIRECTION_SCRIPT, LANGUAGE_HINT_KEY, STORED_FLAG_KEY } from '../../../src/lib/i18n/early-direction.js';
import { DB_NAME } from '../../../src/lib/storage/db';

describe('nothingStoredYet: a first visit, told without opening the database', () => {
	it('is true while the browser has no Atouts database, false once it exists', async () => {
		const idb = new IDBFactory();
		expect(await nothingStoredYet(idb)).toBe(true);
		// Another app's database on the same origin says nothing about ours.
		const open = (name: string) =>
			new Promise<void>((resolve) => {
				const request = idb.open(name);
				request.onsuccess = () => (request.result.close(), resolve());
			});
		await open('someone-else');
		expect(await nothingStoredYet(idb)).toBe(true);
		await open(DB_NAME);
		expect((await idb.databases()).map((d) => d.name)).toContain(DB_NAME);
		expect(await nothingStoredYet(idb)).toBe(false);
	});

	it('is false whenever it cannot tell, so the caller reads the database as usual', async () => {
		expect(await nothingStoredYet(null)).toBe(false); // no IndexedDB at all
		expect(await nothingStoredYet({} as IDBFactory)).toBe(false); // no databases() (older browsers)
		const failing = { databases: () => Promise.reject(new DOMException('denied', 'SecurityError')) };
		expect(await nothingStoredYet(failing as unknown as IDBFactory)).toBe(false);
		const odd = { databases: () => Promise.resolve(null) };
		expect(await nothingStoredYet(odd as unknown as IDBFactory)).toBe(false);
	});
});

describe("the first paint's guess (the early script in <head>) and the flag it reads", () => {
	/** A page's <html> after the early script ran against `storage`. */
	function pageAfterEarlyScript(storage: Map<string, string>) {
		const attributes = new Set<string>();
		const root = {
			dir: '',
			setAttribute: (name: string) => attributes.add(name),
			hasAttribute: (name: string) => attributes.has(name)
		};
		const localStorage = { getItem: (key: string) => storage.get(key) ?? null };
		new Function('document', 'localStorage', 'navigator', EARLY_DIRECTION_SCRIPT)(
			{ documentElement: root },
			localStorage,
			{ languages: ['fr-FR'] }
		);
		return root as unknown as HTMLElement;
	}

	it('a new device is a first visit, page after page, until the session has stored', () => {
		const storage = new Map<string, string>();
		const setItem = (key: string, value: string) => void storage.set(key, value);
		expect(firstVisitAtFirstPaint(pageAfterEarlyScript(storage))).toBe(true);
		// The first page ran the app: a language was used (its hint is kept), nothing was stored.
		storage.set(LANGUAGE_HINT_KEY, 'fr');
		rememberNothingStored({ setItem });
		expect(firstVisitAtFirstPaint(pageAfterEarlyScript(storage))).toBe(true);
		rememberStored({ setItem });
		expect(storage.get(STORED_FLAG_KEY)).toBe('1');
		expect(firstVisitAtFirstPaint(pageAfterEarlyScript(storage))).toBe(false);
	});

	it('a device that used a version without the flag (a language hint, no flag) is not guessed new', () => {
		expect(firstVisitAtFirstPaint(pageAfterEarlyScript(new Map([[LANGUAGE_HINT_KEY, 'ar']])))).toBe(false);
	});

	it('prerendering (no document) renders the first visit', () => {
		expect(firstVisitAtFirstPaint(undefined)).toBe(true);
	});

	it('a blocked storage is no error: the flag is simply not kept', () => {
		expect(() =>
			rememberStored({
				setItem: () => {
					throw new Error('QuotaExceededError');
				}
			})
		).not.toThrow();
	});
});
