import { describe, it, expect, afterEach } from 'vitest';
import { listAnswers } from '../../../src/lib/storage/answers';
import { listPicks } from '../../../src/lib/storage/picks';
import { listProfiles } from '../../../src/lib/storage/profiles';
import { listImportedPacks } from '../../../src/lib/storage/packs';
import { onQuarantine, quarantineCount, type QuarantineEntry } from '../../../src/lib/storage/quarantine';
import { freshDB } from './db-helpers';
import { answer, pick } from './records';
import { validPack } from '../content/pack-fixture';

const unsubscribers: (() => void)[] = [];
function listen(): QuarantineEntry[][] {
	const calls: QuarantineEntry[][] = [];
	unsubscribers.push(onQuarantine((entries) => calls.push(entries)));
	return calls;
}
afterEach(() => {
	for (const off of unsubscribers.splice(0)) off();
});

describe('quarantine of unreadable records', () => {
	it('sets a corrupt answer aside, keeps the valid one, and tells listeners without throwing', async () => {
		const db = await freshDB();
		const calls = listen();
		const good = answer('good', 'a');
		const corrupt = { id: 'corrupt', profileId: 'a', at: 'yesterday' }; // missing fields, wrong type
		await db.put('answers', good);
		await db.put('answers', corrupt);

		await expect(listAnswers(db, 'a')).resolves.toEqual([good]);

		expect(await db.get('answers', 'corrupt')).toBeUndefined();
		expect(await db.get('answers', 'good')).toEqual(good);
		const quarantined = (await db.getAll('quarantine')) as QuarantineEntry[];
		expect(quarantined).toHaveLength(1);
		expect(quarantined[0]).toMatchObject({ store: 'answers', key: 'corrupt', raw: corrupt });
		expect(typeof quarantined[0]!.reason).toBe('string');
		expect(quarantined[0]!.reason.length).toBeGreaterThan(0);
		expect(quarantined[0]!.at).toBeGreaterThan(0);
		expect(await quarantineCount(db)).toBe(1);

		expect(calls).toHaveLength(1);
		expect(calls[0]).toEqual([expect.objectContaining({ store: 'answers', key: 'corrupt', raw: corrupt })]);
	});

	it('finds the quarantined record by store', async () => {
		const db = await freshDB();
		await db.put('answers', { id: 'x', profileId: 'a' });
		await listAnswers(db, 'a');
		expect(await db.getAllFromIndex('quarantine', 'byStore', 'answers')).toHaveLength(1);
		expect(await db.getAllFromIndex('quarantine', 'byStore', 'picks')).toHaveLength(0);
	});

	it('reads cleanly the next time: nothing quarantined twice, no new notification', async () => {
		const db = await freshDB();
		await db.put('answers', { id: 'x', profileId: 'a', value: null });
		await listAnswers(db, 'a');
		const calls = listen();
		await expect(listAnswers(db, 'a')).resolves.toEqual([]);
		expect(calls).toHaveLength(0);
		expect(await quarantineCount(db)).toBe(1);
	});

	it('does not notify when everything is valid', async () => {
		const db = await freshDB();
		const calls = listen();
		await db.put('answers', answer('a1', 'a'));
		await listAnswers(db, 'a');
		expect(calls).toHaveLength(0);
		expect(await quarantineCount(db)).toBe(0);
	});

	it('stops notifying a listener once it unsubscribes', async () => {
		const db = await freshDB();
		const calls: unknown[] = [];
		const off = onQuarantine((e) => calls.push(e));
		off();
		await db.put('answers', { id: 'x', profileId: 'a' });
		await listAnswers(db, 'a');
		expect(calls).toHaveLength(0);
	});

	it('handles compound keys (picks) and leaves other profiles alone', async () => {
		const db = await freshDB();
		await db.put('picks', pick('a', 'cook-home'));
		await db.put('picks', { profileId: 'a', experienceId: 'club-sport', followUps: 'captain' });
		await db.put('picks', { profileId: 'b', experienceId: 'club-sport', followUps: 'broken too' });
		expect(await listPicks(db, 'a')).toEqual([pick('a', 'cook-home')]);
		const quarantined = (await db.getAll('quarantine')) as QuarantineEntry[];
		expect(quarantined.map((q) => q.key)).toEqual([['a', 'club-sport']]);
		expect(await db.get('picks', ['b', 'club-sport'])).toBeDefined();
	});

	it('sets aside a corrupt profile', async () => {
		const db = await freshDB();
		await db.put('profiles', { id: 'default', kind: 'superuser', createdAt: 1 });
		expect(await listProfiles(db)).toEqual([]);
		expect(await quarantineCount(db)).toBe(1);
	});

	// BUG (reported): packs.ts hands parseRows only the `.pack` field of each stored row, so the
	// quarantine keeps that field as "raw" and the row itself (id, importedAt, or a whole row
	// without a `pack` field) is deleted: the record is not kept raw as quarantine.ts promises.
	it('BUG: keeps the whole raw row of an unreadable imported pack', async () => {
		const db = await freshDB();
		const row = { id: 'old-pack', importedAt: 123, pack: { ...validPack(), format: 'atouts-pack/0' } };
		await db.put('packs', row);
		expect(await listImportedPacks(db)).toEqual([]);
		const quarantined = (await db.getAll('quarantine')) as QuarantineEntry[];
		expect(quarantined).toHaveLength(1);
		expect(quarantined[0]!.raw).toEqual(row);
	});
});
