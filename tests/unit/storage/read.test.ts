import { describe, it, expect } from 'vitest';
import { READ_BATCH, profileRowsIn, rowsOfProfile } from '../../../src/lib/storage/read';
import { listAnswers } from '../../../src/lib/storage/answers';
import { listEvidence } from '../../../src/lib/storage/evidence';
import { listPicks } from '../../../src/lib/storage/picks';
import type { AtoutsDB } from '../../../src/lib/storage/db';
import { freshDB } from './db-helpers';
import { answer, pick } from './records';

/** Ids that sort in an order unrelated to the profile: the profiles' records interleave by key. */
const idOf = (i: number) => `${((i * 7919) % 10007).toString(36).padStart(4, '0')}-${i}`;

async function putAll(db: AtoutsDB, store: 'answers', values: unknown[]) {
	const tx = db.transaction(store, 'readwrite');
	for (const value of values) void tx.store.put(value);
	await tx.done;
}

describe('rowsOfProfile (read in batches)', () => {
	it('reads every record of a big profile, with its key, in key order', async () => {
		const db = await freshDB();
		const mine = Array.from({ length: READ_BATCH * 3 + 17 }, (_, i) => answer(idOf(i), 'anna', i));
		await putAll(db, 'answers', mine);
		const rows = await rowsOfProfile(db, 'answers', 'anna');
		const sorted = [...mine].sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(rows.map((r) => r.key)).toEqual(sorted.map((a) => a.id));
		expect(rows.map((r) => r.value)).toEqual(sorted);
	});

	it("leaves out another profile's records lying between this profile's keys", async () => {
		const db = await freshDB();
		// Every other id belongs to bob, and bob has three times as many records as anna.
		const all = Array.from({ length: 1600 }, (_, i) => answer(idOf(i), i % 4 === 0 ? 'anna' : 'bob', i));
		await putAll(db, 'answers', all);
		const anna = await rowsOfProfile(db, 'answers', 'anna');
		expect(anna).toHaveLength(400);
		expect(anna.every((r) => (r.value as { profileId: string }).profileId === 'anna')).toBe(true);
		expect(new Set(anna.map((r) => r.key)).size).toBe(400);
		expect(await rowsOfProfile(db, 'answers', 'bob')).toHaveLength(1200);
		expect(await rowsOfProfile(db, 'answers', 'carol')).toEqual([]);
	});

	it('reads inside the caller’s transaction, so two stores are one snapshot', async () => {
		const db = await freshDB();
		await putAll(db, 'answers', [answer('a1', 'anna'), answer('b1', 'bob')]);
		await db.put('picks', pick('anna', 'cooking'));
		const tx = db.transaction(['answers', 'picks'], 'readonly');
		const answers = await profileRowsIn(tx.objectStore('answers'), 'anna');
		const picks = await profileRowsIn(tx.objectStore('picks'), 'anna');
		await tx.done;
		expect(answers.map((r) => r.key)).toEqual(['a1']);
		expect(picks.map((r) => r.key)).toEqual([['anna', 'cooking']]);
	});

	it('still hands corrupt records of the profile over, so they are quarantined, not lost', async () => {
		const db = await freshDB();
		const good = Array.from({ length: READ_BATCH + 5 }, (_, i) => answer(idOf(i), 'anna', i));
		await putAll(db, 'answers', [...good, { id: idOf(3) + 'x', profileId: 'anna', at: 'yesterday' }]);
		expect(await listAnswers(db, 'anna')).toHaveLength(good.length);
		expect(await db.count('quarantine')).toBe(1);
	});

	it('reads photos (Blobs) in smaller batches, all of them', async () => {
		const db = await freshDB();
		const tx = db.transaction('evidence', 'readwrite');
		for (let i = 0; i < 130; i++)
			void tx.store.put({
				id: idOf(i),
				profileId: i % 2 ? 'anna' : 'bob',
				competence: 'cook',
				kind: 'photo',
				mime: 'image/jpeg',
				blob: new Blob([new Uint8Array([0xff, 0xd8, i])], { type: 'image/jpeg' }),
				bytes: 3,
				createdAt: i,
				hidden: false
			});
		await tx.done;
		const photos = await listEvidence(db, 'anna');
		expect(photos.map((p) => p.createdAt)).toEqual(Array.from({ length: 65 }, (_, i) => i * 2 + 1));
		expect(new Uint8Array(await photos[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 1]));
	});

	it('reads compound keys (picks) of one profile only', async () => {
		const db = await freshDB();
		for (const [profile, experience] of [
			['anna', 'cooking'],
			['ann', 'sport'],
			['annabel', 'care'],
			['anna', 'sport']
		] as const)
			await db.put('picks', pick(profile, experience));
		expect((await listPicks(db, 'anna')).map((p) => p.experienceId).sort()).toEqual(['cooking', 'sport']);
	});
});
