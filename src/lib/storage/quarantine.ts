/**
 * A record that fails to parse is never dropped and never crashes the app: it moves to
 * the quarantine store, raw, with the reason, and listeners are told so the UI can say so.
 * A coach or a later version can still recover it from there (and from a backup).
 */
import type * as z from 'zod/mini';
import { forEachInSlices } from '../domain/time-slices';
import type { AtoutsDB, StoreName } from './db';

export interface QuarantineEntry {
	seq?: number;
	store: StoreName;
	key: IDBValidKey;
	raw: unknown;
	reason: string;
	at: number;
}

type Listener = (entries: QuarantineEntry[]) => void;
const listeners = new Set<Listener>();

export function onQuarantine(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Parses rows read from `store`; valid ones are returned, invalid ones are moved to the
 * quarantine in one transaction (put there, then removed from the store). Parsing thousands
 * of records takes a third of a second on a slow phone: it runs in slices (time-slices.ts).
 */
export async function parseRows<S extends z.ZodMiniType>(
	db: AtoutsDB,
	store: Exclude<StoreName, 'quarantine'>,
	schema: S,
	rows: readonly { key: IDBValidKey; value: unknown }[]
): Promise<z.output<S>[]> {
	const valid: z.output<S>[] = [];
	const bad: QuarantineEntry[] = [];
	await forEachInSlices(rows, (row) => {
		const parsed = schema.safeParse(row.value);
		if (parsed.success) valid.push(parsed.data);
		else
			bad.push({
				store,
				key: row.key,
				raw: row.value,
				reason: parsed.error.issues
					.slice(0, 3)
					.map((i) => `${i.path.join('.')}: ${i.message}`)
					.join('; '),
				at: Date.now()
			});
	});
	if (bad.length) {
		try {
			const tx = db.transaction([store, 'quarantine'], 'readwrite');
			for (const entry of bad) {
				void tx.objectStore('quarantine').add(entry);
				void tx.objectStore(store).delete(entry.key as never);
			}
			await tx.done;
		} catch {
			// Could not move it (quota, closed DB): leave it where it is, still reported, still unread.
		}
		for (const listener of listeners) listener(bad);
	}
	return valid;
}

export async function quarantineCount(db: AtoutsDB): Promise<number> {
	return db.count('quarantine');
}
