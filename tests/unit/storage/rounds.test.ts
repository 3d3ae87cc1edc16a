import { describe, it, expect } from 'vitest';
import { listRounds, saveRound } from '../../../src/lib/storage/rounds';
import type { RoundRecord } from '../../../src/lib/domain/records';
import { freshDB } from './db-helpers';
import { round } from './records';

describe('rounds storage', () => {
	it('lists a profile rounds oldest first, ties by id, whatever the save order', async () => {
		const db = await freshDB();
		for (const r of [round('r-c', 'a', 30), round('r-b', 'a', 10), round('r-z', 'a', 20), round('r-a', 'a', 20)])
			await saveRound(db, r);
		await saveRound(db, round('r-other', 'b', 5));
		expect((await listRounds(db, 'a')).map((r) => r.id)).toEqual(['r-b', 'r-a', 'r-z', 'r-c']);
		expect((await listRounds(db, 'b')).map((r) => r.id)).toEqual(['r-other']);
	});

	it('round-trips a finished round and updates it in place', async () => {
		const db = await freshDB();
		await saveRound(db, round('r1', 'a', 10));
		const finished: RoundRecord = { ...round('r1', 'a', 10), finishedAt: 99 };
		await saveRound(db, finished);
		expect(await listRounds(db, 'a')).toEqual([finished]);
	});

	it('refuses a round without cards', async () => {
		const db = await freshDB();
		await expect(saveRound(db, { ...round('r1', 'a', 1), cardIds: [] })).rejects.toThrow();
		expect(await db.count('rounds')).toBe(0);
	});
});
