import { PackSchema, type Pack } from '../domain/content-schema';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows } from './read';

export async function listImportedPacks(db: AtoutsDB): Promise<Pack[]> {
	const rows = (await allRows(db, 'packs')).map((r) => ({ key: r.key, value: (r.value as { pack?: unknown })?.pack }));
	return parseRows(db, 'packs', PackSchema, rows);
}

/** `add`, not `put`: an existing pack with the same id is never overwritten. */
export async function saveImportedPack(db: AtoutsDB, pack: Pack, now = Date.now()): Promise<void> {
	await guardWrite(() => db.add('packs', { id: pack.meta.id, importedAt: now, pack }));
}
