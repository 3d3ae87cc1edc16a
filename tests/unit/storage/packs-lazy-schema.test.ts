import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDB } from './db-helpers';
import { validPack } from '../content/pack-fixture';

afterEach(() => {
	vi.doUnmock('../../../src/lib/domain/content-schema');
	vi.resetModules();
});

/** storage/packs with the pack schemas' module watched: is it loaded at all? */
async function watchedPacksStorage() {
	vi.resetModules();
	const loaded = vi.fn();
	vi.doMock('../../../src/lib/domain/content-schema', async (importOriginal) => {
		loaded();
		return importOriginal();
	});
	const storage = await import('../../../src/lib/storage/packs');
	return { ...storage, loaded };
}

describe('imported packs: the pack schemas load only when a pack is stored', () => {
	it('a device without imported packs never loads them', async () => {
		const { listImportedPacks, loaded } = await watchedPacksStorage();
		expect(await listImportedPacks(await freshDB())).toEqual([]);
		expect(loaded).not.toHaveBeenCalled();
	});

	it('a stored pack is read through them, and a broken one is still quarantined', async () => {
		const { listImportedPacks, loaded } = await watchedPacksStorage();
		const db = await freshDB();
		await db.add('packs', { id: 'test-pack', importedAt: 1, pack: validPack() });
		await db.add('packs', { id: 'broken', importedAt: 2, pack: { meta: { id: 'broken' } } });
		const packs = await listImportedPacks(db);
		expect(loaded).toHaveBeenCalled();
		expect(packs.map((p) => p.meta.id)).toEqual(['test-pack']);
		expect(await db.count('quarantine')).toBe(1);
		expect(await db.count('packs')).toBe(1);
	});
});
