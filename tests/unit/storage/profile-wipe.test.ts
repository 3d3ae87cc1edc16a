/**
 * "Wipe this profile" removes every trace of it: its record, every record of every store that
 * holds profile data (all of PROFILE_OWNED_STORES), its quarantined rows. Nothing of another
 * profile, and nothing of the device (packs, voice clips, device settings, caseload).
 */
import { describe, expect, it } from 'vitest';
import { ALL_STORES, PROFILE_OWNED_STORES, type AtoutsDB, type StoreName } from '../../../src/lib/storage/db';
import { wipeGuests, wipeProfile } from '../../../src/lib/storage/profiles';
import { freshDB } from './db-helpers';
import { answer, pick, round } from './records';

type OwnedStore = (typeof PROFILE_OWNED_STORES)[number];

const blob = (seed: number) => new Blob([new Uint8Array(32).fill(seed)], { type: 'image/jpeg' });

/** One or two valid records per profile-owned store. A store added without a fixture here fails. */
const OWNED: Record<OwnedStore, (profileId: string, n: number) => unknown[]> = {
	settings: (p) => [{ profileId: p, key: 'app', value: { sound: true }, updatedAt: 1 }],
	answers: (p, n) => [answer(`${p}-a1`, p, n), answer(`${p}-a2`, p, n + 1)],
	rounds: (p, n) => [round(`${p}-r1`, p, n)],
	picks: (p) => [pick(p, 'cooking-many'), pick(p, 'sport-team')],
	evidence: (p, n) => [
		{
			id: `${p}-e1`,
			profileId: p,
			competence: 'cook',
			kind: 'photo',
			mime: 'image/jpeg',
			blob: blob(n),
			bytes: 32,
			createdAt: n,
			hidden: false
		}
	],
	visibility: (p) => [{ profileId: p, competence: 'cook', hidden: true }],
	coachNotes: (p, n) => [{ profileId: p, competence: 'cook', validated: true, at: n }],
	nextSteps: (p, n) => [{ id: `${p}-s1`, profileId: p, kind: 'training', text: 'CACES', date: '2026-01-05', at: n }]
};

const profile = (id: string, kind = 'named') => ({
	id,
	kind,
	createdAt: 1,
	avatar: 'fluent-emoji-flat:owl',
	nameClip: new Blob([new Uint8Array(16).fill(7)], { type: 'audio/webm' })
});

async function seed(db: AtoutsDB, ids: string[]) {
	for (const [i, id] of ids.entries()) {
		await db.put('profiles', profile(id, id.startsWith('guest') ? 'guest' : 'named'));
		for (const store of PROFILE_OWNED_STORES)
			for (const record of OWNED[store](id, i + 10)) await db.put(store, record as never);
		await db.add('quarantine', {
			store: 'answers',
			key: `${id}-bad`,
			raw: { id: `${id}-bad`, profileId: id },
			reason: 'x',
			at: 1
		});
	}
	await db.add('quarantine', { store: 'profiles', key: ids[0]!, raw: { id: ids[0] }, reason: 'x', at: 1 });
	// Device data, which belongs to nobody.
	await db.put('packs', { id: 'extra', pack: {} });
	await db.put('clips', { lang: 'fr', key: 'ui.action.listen', blob: blob(1) });
	await db.put('device', { key: 'device', workshop: true, autoLockMinutes: 3 });
	await db.put('caseload', { id: 'c1', label: 'Sam', snapshots: [{ at: 1, levels: {}, rounds: 0 }] });
}

/** Every value of every store, as JSON-able text, to search for a profile id anywhere. */
async function dump(db: AtoutsDB): Promise<Record<StoreName, unknown[]>> {
	const out = {} as Record<StoreName, unknown[]>;
	for (const store of ALL_STORES) out[store] = await db.getAll(store);
	return out;
}

const mentions = (value: unknown, id: string) => JSON.stringify(value).includes(`"${id}`);

describe('wipeProfile', () => {
	it('every profile-owned store has a fixture here', () => {
		expect(Object.keys(OWNED).sort()).toEqual([...PROFILE_OWNED_STORES].sort());
	});

	it('removes the profile record and its records from every profile store and the quarantine', async () => {
		const db = await freshDB();
		await seed(db, ['anna', 'bilal']);
		const before = await dump(db);
		for (const store of PROFILE_OWNED_STORES)
			expect(
				before[store].some((r) => mentions(r, 'anna')),
				store
			).toBe(true);

		await wipeProfile(db, 'anna');

		const after = await dump(db);
		for (const store of ALL_STORES)
			expect(
				after[store].filter((r) => mentions(r, 'anna')),
				store
			).toEqual([]);
		expect(await db.get('profiles', 'anna')).toBeUndefined();
		for (const store of PROFILE_OWNED_STORES)
			expect(await db.countFromIndex(store, 'byProfile', 'anna'), store).toBe(0);
	});

	it('leaves every other profile and the device data exactly as they were', async () => {
		const db = await freshDB();
		await seed(db, ['anna', 'bilal']);
		const before = await dump(db);
		await wipeProfile(db, 'anna');
		const after = await dump(db);
		for (const store of PROFILE_OWNED_STORES) {
			const bilal = before[store].filter((r) => mentions(r, 'bilal'));
			expect(bilal.length, store).toBeGreaterThan(0);
			expect(after[store], store).toEqual(bilal);
		}
		expect(after.profiles.map((p) => (p as { id: string }).id)).toEqual(['bilal']);
		expect(after.quarantine).toEqual(before.quarantine.filter((q) => mentions(q, 'bilal')));
		for (const store of ['packs', 'clips', 'device', 'caseload'] as const)
			expect(after[store], store).toEqual(before[store]);
	});

	it('is harmless for an unknown profile', async () => {
		const db = await freshDB();
		await seed(db, ['anna']);
		const before = await dump(db);
		await wipeProfile(db, 'nobody');
		expect(await dump(db)).toEqual(before);
	});
});

describe('wipeGuests', () => {
	it('wipes guests left behind, but not the guest still in use nor named profiles', async () => {
		const db = await freshDB();
		await seed(db, ['anna', 'guest-1', 'guest-2']);
		expect(await wipeGuests(db, 'guest-2')).toBe(1);
		const ids = (await db.getAll('profiles')).map((p) => (p as { id: string }).id).sort();
		expect(ids).toEqual(['anna', 'guest-2']);
		expect(await db.countFromIndex('answers', 'byProfile', 'guest-1')).toBe(0);
		expect(await db.countFromIndex('answers', 'byProfile', 'guest-2')).toBe(2);
	});
});
