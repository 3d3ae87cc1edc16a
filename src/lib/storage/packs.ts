import * as z from 'zod/mini';
import { PackSchema, type Pack } from '../domain/content-schema';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows } from './read';

/** The whole stored row is parsed, so an unreadable one goes to quarantine entire. */
const ImportedPackRowSchema = z.object({ id: z.string(), importedAt: z.int(), pack: PackSchema });

export async function listImportedPacks(db: AtoutsDB): Promise<Pack[]> {
	const rows = await parseRows(db, 'packs', ImportedPackRowSchema, await allRows(db, 'packs'));
	return rows.map((r) => r.pack);
}

/** `add`, not `put`: an existing pack with the same id is never overwritten. */
export async function saveImportedPack(db: AtoutsDB, pack: Pack, now = Date.now()): Promise<void> {
	await guardWrite(() => db.add('packs', { id: pack.meta.id, importedAt: now, pack }));
}
