/** Reads rows with their primary keys, so a corrupt row can still be set aside by key. */
import type { AtoutsDB, PROFILE_OWNED_STORES } from './db';

type ProfileStore = (typeof PROFILE_OWNED_STORES)[number];

export async function rowsOfProfile(db: AtoutsDB, store: ProfileStore, profileId: string) {
	const tx = db.transaction(store, 'readonly');
	const index = tx.store.index('byProfile');
	const [keys, values] = await Promise.all([index.getAllKeys(profileId), index.getAll(profileId), tx.done]);
	return keys.map((key, i) => ({ key: key as IDBValidKey, value: values[i] as unknown }));
}

export async function allRows(db: AtoutsDB, store: 'profiles' | 'packs' | 'caseload') {
	const tx = db.transaction(store, 'readonly');
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
	return keys.map((key, i) => ({ key: key as IDBValidKey, value: values[i] as unknown }));
}
