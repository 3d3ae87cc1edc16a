import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { nothingStoredYet } from '../../../src/lib/storage/first-visit';
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
