import { describe, it, expect } from 'vitest';
import { ALL_STORES, DB_VERSION, MIGRATIONS, PROFILE_STORES, openAtoutsDB } from '../../../src/lib/storage/db';
import { freshDB } from './db-helpers';

describe('openAtoutsDB', () => {
	it('has one version per migration', () => {
		expect(MIGRATIONS.length).toBeGreaterThan(0);
		expect(DB_VERSION).toBe(MIGRATIONS.length);
	});

	it('runs every migration from an empty database and creates all stores', async () => {
		const db = await freshDB();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([...ALL_STORES].sort());
	});

	it('creates the key paths and indexes the stores rely on', async () => {
		const db = await freshDB();
		const tx = db.transaction([...ALL_STORES], 'readonly');
		const store = (name: (typeof ALL_STORES)[number]) => tx.objectStore(name);
		expect(store('profiles').keyPath).toBe('id');
		expect(store('settings').keyPath).toEqual(['profileId', 'key']);
		expect(store('answers').keyPath).toBe('id');
		expect(store('rounds').keyPath).toBe('id');
		expect(store('picks').keyPath).toEqual(['profileId', 'experienceId']);
		expect(store('packs').keyPath).toBe('id');
		expect(store('quarantine').keyPath).toBe('seq');
		expect(store('quarantine').autoIncrement).toBe(true);
		for (const name of PROFILE_STORES) {
			expect([...store(name).indexNames], name).toContain('byProfile');
			expect(store(name).index('byProfile').keyPath).toBe('profileId');
		}
		expect(store('answers').index('byRound').keyPath).toBe('roundId');
		expect(store('quarantine').index('byStore').keyPath).toBe('store');
		expect(store('clips').keyPath).toEqual(['lang', 'key']);
		expect(store('clips').autoIncrement).toBe(false);
		expect([...store('clips').indexNames]).toEqual(['byLang']);
		expect(store('clips').index('byLang').keyPath).toBe('lang');
		expect(store('clips').index('byLang').unique).toBe(false);
		await tx.done;
	});

	it('reopens an existing database without re-running migrations or losing data', async () => {
		const name = `atouts-reopen-${Date.now()}`;
		const first = await openAtoutsDB({ name });
		await first.put('profiles', { id: 'default', kind: 'default', createdAt: 1 });
		first.close();
		const second = await openAtoutsDB({ name });
		expect(await second.get('profiles', 'default')).toEqual({ id: 'default', kind: 'default', createdAt: 1 });
		second.close();
	});

	it('closes and tells when another connection needs a newer version', async () => {
		const name = `atouts-versionchange-${Date.now()}`;
		let told = 0;
		const db = await openAtoutsDB({ name, onVersionChange: () => told++ });
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open(name, DB_VERSION + 1);
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		expect(told).toBe(1);
		// The old connection is closed: using it fails.
		expect(() => db.transaction('profiles')).toThrow();
	});
});
