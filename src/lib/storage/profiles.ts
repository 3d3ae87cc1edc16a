import { DEFAULT_PROFILE_ID, ProfileSchema, type Profile } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows } from './read';

export async function listProfiles(db: AtoutsDB): Promise<Profile[]> {
	return parseRows(db, 'profiles', ProfileSchema, await allRows(db, 'profiles'));
}

/** Until the shared-tablet work adds more, everyone uses one default profile. */
export async function ensureDefaultProfile(db: AtoutsDB, now = Date.now()): Promise<Profile> {
	const existing = (await listProfiles(db)).find((p) => p.id === DEFAULT_PROFILE_ID);
	if (existing) return existing;
	const profile: Profile = { id: DEFAULT_PROFILE_ID, kind: 'default', createdAt: now };
	await guardWrite(() => db.put('profiles', profile));
	return profile;
}
