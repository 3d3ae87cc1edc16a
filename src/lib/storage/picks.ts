import { ExperiencePickSchema, type ExperiencePick } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function listPicks(db: AtoutsDB, profileId: string): Promise<ExperiencePick[]> {
	return parseRows(db, 'picks', ExperiencePickSchema, await rowsOfProfile(db, 'picks', profileId));
}

/** Replaces the person's picks in one transaction: the saved set is never half old, half new. */
export async function replacePicks(db: AtoutsDB, profileId: string, picks: readonly ExperiencePick[]): Promise<void> {
	const records = picks.map((p) => ExperiencePickSchema.parse(p));
	await guardWrite(async () => {
		const tx = db.transaction('picks', 'readwrite');
		const keys = await tx.store.index('byProfile').getAllKeys(profileId);
		for (const key of keys) void tx.store.delete(key);
		for (const record of records) void tx.store.put(record);
		await tx.done;
	});
}
