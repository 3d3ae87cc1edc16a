import { DEFAULT_PROFILE_ID, ProfileSchema, type Profile } from '../domain/records';
import { checkWithBackoff, hashSecret, isPictureCode, type CheckResult } from '../domain/picture-code';
import { PROFILE_OWNED_STORES, type AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows } from './read';

export async function listProfiles(db: AtoutsDB): Promise<Profile[]> {
	const profiles = await parseRows(db, 'profiles', ProfileSchema, await allRows(db, 'profiles'));
	return profiles.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function getProfile(db: AtoutsDB, id: string): Promise<Profile | undefined> {
	return (await listProfiles(db)).find((p) => p.id === id);
}

/** A personal phone has one profile, created on first use. */
export async function ensureDefaultProfile(db: AtoutsDB, now = Date.now()): Promise<Profile> {
	const existing = (await listProfiles(db)).find((p) => p.id === DEFAULT_PROFILE_ID);
	if (existing) return existing;
	const profile: Profile = { id: DEFAULT_PROFILE_ID, kind: 'default', createdAt: now };
	await guardWrite(() => db.put('profiles', profile));
	return profile;
}

/** Creates or replaces a profile (validated first: a bad one writes nothing). */
export async function saveProfile(db: AtoutsDB, profile: Profile): Promise<Profile> {
	const parsed = ProfileSchema.parse(profile);
	await guardWrite(() => db.put('profiles', parsed));
	return parsed;
}

/**
 * Removes every trace of a profile in one transaction: its record, every record of every
 * store that holds profile data (answers, evidence Blobs, coach notes…), and its records
 * set aside in the quarantine. All or nothing; other profiles and device data are untouched.
 */
export async function wipeProfile(db: AtoutsDB, profileId: string): Promise<void> {
	await guardWrite(async () => {
		const stores = ['profiles', 'quarantine', ...PROFILE_OWNED_STORES] as const;
		const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
		const deletions: Promise<unknown>[] = [tx.objectStore('profiles').delete(profileId)];
		for (const store of PROFILE_OWNED_STORES) {
			const index = tx.objectStore(store).index('byProfile');
			for (const key of await index.getAllKeys(profileId)) deletions.push(tx.objectStore(store).delete(key as never));
		}
		let cursor = await tx.objectStore('quarantine').openCursor();
		while (cursor) {
			if (quarantinedFor(cursor.value, profileId)) deletions.push(cursor.delete());
			cursor = await cursor.continue();
		}
		await Promise.all([...deletions, tx.done]);
	});
}

/** A quarantined row belongs to a profile when it is its record or carries its id. */
function quarantinedFor(entry: unknown, profileId: string): boolean {
	if (typeof entry !== 'object' || entry === null) return false;
	const { store, key, raw } = entry as { store?: unknown; key?: unknown; raw?: unknown };
	if (store === 'profiles' && key === profileId) return true;
	return typeof raw === 'object' && raw !== null && (raw as { profileId?: unknown }).profileId === profileId;
}

/**
 * Checks a profile's picture code with the back-off, and stores the count of wrong attempts
 * on the profile, so closing the page does not reset the wait.
 */
export async function checkProfileCode(
	db: AtoutsDB,
	profileId: string,
	code: readonly number[],
	now = Date.now()
): Promise<CheckResult> {
	const profile = await getProfile(db, profileId);
	if (!profile) return { ok: false, waitMs: 0 };
	if (!profile.code) return { ok: true };
	const { result, attempts } = await checkWithBackoff(profile.code, profile, code, now);
	if (attempts.failures !== (profile.failures ?? 0) || attempts.lastFailureAt !== profile.lastFailureAt) {
		const { failures: _f, lastFailureAt: _l, ...rest } = profile;
		await saveProfile(db, { ...rest, ...attempts });
	}
	return result;
}

/** Gives a profile a picture code (three grid positions), or removes it with `null`. */
export async function setProfileCode(db: AtoutsDB, profileId: string, code: readonly number[] | null): Promise<void> {
	const profile = await getProfile(db, profileId);
	if (!profile) throw new Error('no such profile');
	if (code !== null && !isPictureCode(code)) throw new Error('not a picture code');
	const { code: _c, failures: _f, lastFailureAt: _l, ...rest } = profile;
	await saveProfile(db, code === null ? rest : { ...rest, code: await hashSecret(code) });
}

/** Profiles of guests: wiped when their session ends, and any left behind by a closed tab. */
export async function wipeGuests(db: AtoutsDB, except?: string): Promise<number> {
	const guests = (await listProfiles(db)).filter((p) => p.kind === 'guest' && p.id !== except);
	for (const guest of guests) await wipeProfile(db, guest.id);
	return guests.length;
}
