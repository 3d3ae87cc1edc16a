import { describe, it, expect } from 'vitest';
import { ensureDefaultProfile, listProfiles } from '../../../src/lib/storage/profiles';
import { DEFAULT_PROFILE_ID } from '../../../src/lib/domain/records';
import { freshDB } from './db-helpers';

describe('ensureDefaultProfile', () => {
	it('creates the default profile on first use', async () => {
		const db = await freshDB();
		const profile = await ensureDefaultProfile(db, 1000);
		expect(profile).toEqual({ id: DEFAULT_PROFILE_ID, kind: 'default', createdAt: 1000 });
		expect(await listProfiles(db)).toEqual([profile]);
	});

	it('is idempotent: later calls return the stored profile unchanged', async () => {
		const db = await freshDB();
		const first = await ensureDefaultProfile(db, 1000);
		const second = await ensureDefaultProfile(db, 2000);
		expect(second).toEqual(first);
		expect(await listProfiles(db)).toEqual([first]);
	});

	it('keeps other profiles', async () => {
		const db = await freshDB();
		await db.put('profiles', { id: 'guest-1', kind: 'guest', createdAt: 5 });
		await ensureDefaultProfile(db, 1000);
		expect((await listProfiles(db)).map((p) => p.id).sort()).toEqual(['default', 'guest-1']);
	});
});
