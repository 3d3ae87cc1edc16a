/**
 * A first visit starts without the storage layer and writes nothing: the database (with the
 * default profile the visit started with) is created when something is first stored. A device
 * with a database starts from it as before.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';

const DB = 'atouts';

/** Fresh modules (the session is a singleton) over the given IndexedDB. */
async function freshSession(idb: IDBFactory) {
	vi.resetModules();
	vi.stubGlobal('indexedDB', idb);
	const { session } = await import('../../../src/lib/state/session.svelte');
	const storage = await import('../../../src/lib/storage/session-storage');
	return { session, storage };
}

const databaseNames = async (idb: IDBFactory) => (await idb.databases()).map((d) => d.name);

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('session on a first visit', () => {
	it('starts with the default profile and settings, without creating the database', async () => {
		const idb = new IDBFactory();
		const { session } = await freshSession(idb);
		await session.boot();
		expect(session.ready).toBe(true);
		expect(session.storageError).toBeNull();
		expect(session.profileId).toBe('default');
		expect(session.profile).toMatchObject({ id: 'default', kind: 'default' });
		expect(session.needsPicker).toBe(false);
		expect(session.device.workshop).toBe(false);
		expect(await session.mayHaveData()).toBe(false);
		expect(await databaseNames(idb)).toEqual([]);
	});

	it('creates the database with that profile when something is first stored', async () => {
		const idb = new IDBFactory();
		const { session, storage } = await freshSession(idb);
		await session.boot();
		const createdAt = session.profile!.createdAt;
		expect(await session.updateSettings({ sound: false })).toBe(true);
		expect(await databaseNames(idb)).toEqual([DB]);
		expect(await session.mayHaveData()).toBe(true);
		const db = await storage.getDB();
		expect(await storage.listProfiles(db)).toEqual([{ id: 'default', kind: 'default', createdAt }]);
		expect((await storage.loadSettings(db, 'default')).sound).toBe(false);
	});

	it('saves the profile once when several writes start together', async () => {
		const idb = new IDBFactory();
		const { session, storage } = await freshSession(idb);
		await session.boot();
		const [a, b] = await Promise.all([session.db(), session.db()]);
		expect(a).toBe(b);
		expect(await storage.listProfiles(a)).toHaveLength(1);
	});

	it('knows when another tab stored something meanwhile', async () => {
		const idb = new IDBFactory();
		const { session, storage } = await freshSession(idb);
		await session.boot();
		await storage.saveSettings(await storage.getDB(), 'default', { ...session.settings, slowSpeech: true });
		expect(await session.mayHaveData()).toBe(true);
	});
});

describe('session on a device with a database', () => {
	it('starts from what is stored', async () => {
		const idb = new IDBFactory();
		const first = await freshSession(idb);
		await first.session.boot();
		await first.session.updateSettings({ textSize: 'large', sound: false });
		(await first.storage.getDB()).close();

		const { session } = await freshSession(idb);
		expect(await session.mayHaveData()).toBe(true);
		await session.boot();
		expect(session.settings).toMatchObject({ textSize: 'large', sound: false });
		expect(session.profileCount).toBe(1);
	});
});
