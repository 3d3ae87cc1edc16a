import { describe, it, expect } from 'vitest';
import { listImportedPacks, saveImportedPack } from '../../../src/lib/storage/packs';
import { StorageError } from '../../../src/lib/storage/errors';
import { PackSchema } from '../../../src/lib/domain/content-schema';
import { freshDB } from './db-helpers';
import { validPack } from '../content/pack-fixture';

const pack = () => PackSchema.parse(validPack());

describe('imported packs storage', () => {
	it('saves and lists an imported pack', async () => {
		const db = await freshDB();
		await saveImportedPack(db, pack(), 77);
		expect(await listImportedPacks(db)).toEqual([pack()]);
		expect(await db.get('packs', 'test-pack')).toMatchObject({ id: 'test-pack', importedAt: 77 });
	});

	it('refuses a second pack with the same id (add, not put) and keeps the first', async () => {
		const db = await freshDB();
		await saveImportedPack(db, pack(), 1);
		const other = pack();
		other.meta.version = '9.9.9';
		await expect(saveImportedPack(db, other, 2)).rejects.toBeInstanceOf(StorageError);
		const [stored] = await listImportedPacks(db);
		expect(stored?.meta.version).toBe('1.2.3');
		expect(await db.get('packs', 'test-pack')).toMatchObject({ importedAt: 1 });
	});
});
