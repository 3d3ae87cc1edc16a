import * as z from 'zod/mini';
import type { Pack } from '../domain/content-schema';
import { once } from '../domain/once';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows } from './read';

/**
 * The whole stored row is parsed, so an unreadable one goes to quarantine entire. Loaded only when
 * a pack is stored: every content screen lists imported packs, most devices never import one, and
 * building the pack schemas was ~50 ms of a content screen's start at 4x CPU.
 */
const rowSchema = once(() =>
	import('../domain/content-schema').then(({ PackSchema }) =>
		z.object({ id: z.string(), importedAt: z.int(), pack: PackSchema })
	)
);

export async function listImportedPacks(db: AtoutsDB): Promise<Pack[]> {
	const stored = await allRows(db, 'packs');
	if (!stored.length) return [];
	const rows = await parseRows(db, 'packs', await rowSchema(), stored);
	return rows.map((r) => r.pack);
}

/** `add`, not `put`: an existing pack with the same id is never overwritten. */
export async function saveImportedPack(db: AtoutsDB, pack: Pack, now = Date.now()): Promise<void> {
	await guardWrite(() => db.add('packs', { id: pack.meta.id, importedAt: now, pack }));
}
