import { describe, it, expect } from 'vitest';
import { listPicks, replacePicks } from '../../../src/lib/storage/picks';
import type { ExperiencePick } from '../../../src/lib/domain/records';
import { freshDB } from './db-helpers';
import { pick } from './records';

const sorted = (list: ExperiencePick[]) => [...list].sort((x, y) => x.experienceId.localeCompare(y.experienceId));

describe('replacePicks', () => {
	it('stores the picks of a profile', async () => {
		const db = await freshDB();
		await replacePicks(db, 'a', [pick('a', 'cook-home'), pick('a', 'club-sport', { captain: 'yes' })]);
		expect(sorted(await listPicks(db, 'a'))).toEqual([
			pick('a', 'club-sport', { captain: 'yes' }),
			pick('a', 'cook-home')
		]);
	});

	it('replaces the whole previous set: nothing old remains', async () => {
		const db = await freshDB();
		await replacePicks(db, 'a', [pick('a', 'cook-home'), pick('a', 'club-sport')]);
		await replacePicks(db, 'a', [pick('a', 'club-sport', { captain: 'no' }), pick('a', 'garden')]);
		expect(sorted(await listPicks(db, 'a'))).toEqual([pick('a', 'club-sport', { captain: 'no' }), pick('a', 'garden')]);
		await replacePicks(db, 'a', []);
		expect(await listPicks(db, 'a')).toEqual([]);
	});

	it("leaves other profiles' picks alone", async () => {
		const db = await freshDB();
		await replacePicks(db, 'b', [pick('b', 'cook-home')]);
		await replacePicks(db, 'a', [pick('a', 'garden')]);
		await replacePicks(db, 'a', []);
		expect(await listPicks(db, 'b')).toEqual([pick('b', 'cook-home')]);
	});

	it('is all or nothing: an invalid pick leaves the previous set untouched', async () => {
		const db = await freshDB();
		await replacePicks(db, 'a', [pick('a', 'cook-home')]);
		const invalid = { ...pick('a', ''), at: -1 } as ExperiencePick;
		await expect(replacePicks(db, 'a', [pick('a', 'garden'), invalid])).rejects.toThrow();
		expect(await listPicks(db, 'a')).toEqual([pick('a', 'cook-home')]);
	});
});
