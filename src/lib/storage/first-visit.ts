/**
 * Whether anything was ever stored on this device, asked without opening the database. Opening
 * it loads the storage layer (idb, zod, the record schemas) and, on a first visit, creates every
 * store: on a budget phone the empty screens of a first visit waited ~0.5 s for that, to show
 * that there is nothing yet. No module of the storage layer is imported here, so the first
 * screen's script stays small. The session starts a first visit from this answer
 * (state/session.svelte.ts): nothing is read, and nothing written, until something is stored.
 */
import { DB_NAME } from './db-name';

/**
 * True only when this browser has no Atouts database at all: nothing can be stored, so a screen
 * may show its empty state at once. False when the database exists, and whenever it cannot tell
 * (no `indexedDB.databases`, an error): then the caller reads the database as usual.
 */
export async function nothingStoredYet(idb: IDBFactory | null | undefined = globalThis.indexedDB): Promise<boolean> {
	try {
		const list = await idb?.databases?.();
		return Array.isArray(list) && !list.some((db) => db.name === DB_NAME);
	} catch {
		return false;
	}
}
