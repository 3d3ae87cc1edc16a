/** Reads rows with their primary keys, so a corrupt row can still be set aside by key. */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { AtoutsDB, AtoutsSchema, PROFILE_OWNED_STORES } from './db';

type ProfileStore = (typeof PROFILE_OWNED_STORES)[number];
export type Row = { key: IDBValidKey; value: unknown };
type ReadStore<S extends ProfileStore> = IDBPObjectStore<
	AtoutsSchema,
	ArrayLike<StoreNames<AtoutsSchema>>,
	S,
	'readonly' | 'readwrite'
>;

/**
 * Most records one request reads. A single getAll of a big profile (5,000 answers) turns every
 * record into a JS object in one task: a third of a second on a slow phone, the page frozen.
 * Read at most READ_BATCH at a time, one request after the other: each result comes in its own short task.
 */
export const READ_BATCH = 200;
/** Each Blob read back (photos, voice notes) costs more to set up than a plain record. */
const BATCH_OF: Partial<Record<ProfileStore, number>> = { evidence: 40 };

const span = (keys: readonly IDBValidKey[], from: number, n: number) =>
	n === 1 ? IDBKeyRange.only(keys[from]) : IDBKeyRange.bound(keys[from], keys[from + n - 1]);

/**
 * Every record of one profile in `store`, with its key, in key order, inside the caller's
 * transaction (so several stores can be read as one consistent snapshot). The profile's keys
 * come first (cheap: no values), then its records in key ranges of at most one batch.
 * Keys like answer ids are shared by all profiles, so another profile's records can lie inside a
 * range: the range shrinks until it holds at most one batch of records, and theirs are left out.
 */
export async function profileRowsIn<S extends ProfileStore>(store: ReadStore<S>, profileId: string): Promise<Row[]> {
	const batch = BATCH_OF[store.name as ProfileStore] ?? READ_BATCH;
	const keys = (await store.index('byProfile').getAllKeys(profileId)) as IDBValidKey[];
	const rows: Row[] = [];
	for (let i = 0; i < keys.length;) {
		let n = Math.min(batch, keys.length - i);
		while (n > 1 && (await store.count(span(keys, i, n))) > batch) n = Math.ceil(n / 2);
		const range = span(keys, i, n);
		const [rangeKeys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
		// The byProfile index holds exactly the records whose profileId is this one.
		values.forEach((value, j) => {
			if ((value as { profileId?: unknown } | null)?.profileId === profileId)
				rows.push({ key: rangeKeys[j] as IDBValidKey, value });
		});
		i += n;
	}
	return rows;
}

export async function rowsOfProfile(db: AtoutsDB, store: ProfileStore, profileId: string): Promise<Row[]> {
	const tx = db.transaction(store, 'readonly');
	const [rows] = await Promise.all([profileRowsIn(tx.store, profileId), tx.done]);
	return rows;
}

export async function allRows(db: AtoutsDB, store: 'profiles' | 'packs' | 'caseload') {
	const tx = db.transaction(store, 'readonly');
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
	return keys.map((key, i) => ({ key: key as IDBValidKey, value: values[i] as unknown }));
}
