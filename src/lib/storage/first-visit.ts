/**
 * Whether anything was ever stored on this device, asked without opening the database. Opening
 * it loads the storage layer (idb, zod, the record schemas) and, on a first visit, creates every
 * store: on a budget phone the empty screens of a first visit waited ~0.5 s for that, to show
 * that there is nothing yet. No module of the storage layer is imported here, so the first
 * screen's script stays small. The session starts a first visit from this answer
 * (state/session.svelte.ts): nothing is read, and nothing written, until something is stored.
 */
import { DB_NAME } from './db-name';
import { FIRST_VISIT_ATTRIBUTE, STORED_FLAG_KEY } from '../i18n/early-direction.js';

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

/**
 * What the page's first paint assumed (the early script in <head>, src/lib/i18n/early-direction.js):
 * a first visit, nothing stored. Prerendering assumes it too, so the empty states of a first visit
 * are in the prerendered pages, and a first visit hydrates them as they are. Only a guess for the
 * first render: nothingStoredYet() still decides what is read.
 */
export function firstVisitAtFirstPaint(root = globalThis.document?.documentElement): boolean {
	return root === undefined || root.hasAttribute(FIRST_VISIT_ATTRIBUTE);
}

/** This device has an Atouts database: the next pages are not a first visit's. */
export function rememberStored(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
	keepFlag('1', storage);
}

/** This device has no Atouts database (the session found none): the next pages are a first visit's too. */
export function rememberNothingStored(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
	keepFlag('0', storage);
}

function keepFlag(value: '0' | '1', storage: Pick<Storage, 'setItem'> | undefined): void {
	try {
		storage?.setItem(STORED_FLAG_KEY, value);
	} catch {
		// storage blocked: the early script cannot read a flag either, and its guess stands (a new
		// device's); what is read is still decided by nothingStoredYet()
	}
}
