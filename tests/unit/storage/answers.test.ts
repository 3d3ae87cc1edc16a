import { describe, it, expect } from 'vitest';
import { deleteAnswer, listAnswers, saveAnswer } from '../../../src/lib/storage/answers';
import type { AnswerRecord } from '../../../src/lib/domain/records';
import { freshDB } from './db-helpers';
import { answer } from './records';

/** Each answer in its own round: a round holds one answer per card. */
const ans = (id: string, profileId: string) => answer(id, profileId, 1, `r-${id}`);
const byId = (list: AnswerRecord[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));

describe('answers storage', () => {
	it('saves and lists answers, situational ones included', async () => {
		const db = await freshDB();
		const situational: AnswerRecord = {
			...ans('a2', 'p'),
			cardId: 'q-bus',
			value: { kind: 'situation', answerId: 'call', weights: { 'phone-call': 2, 'be-on-time': 3 } }
		};
		const skipped: AnswerRecord = { ...ans('a3', 'p'), value: { kind: 'self', competence: 'cook', level: null } };
		await saveAnswer(db, ans('a1', 'p'));
		await saveAnswer(db, situational);
		await saveAnswer(db, skipped);
		expect(byId(await listAnswers(db, 'p'))).toEqual([ans('a1', 'p'), situational, skipped]);
	});

	it('never lists answers of another profile', async () => {
		const db = await freshDB();
		await saveAnswer(db, ans('a1', 'a'));
		await saveAnswer(db, ans('a2', 'a'));
		await saveAnswer(db, ans('b1', 'b'));
		expect(byId(await listAnswers(db, 'a')).map((x) => x.id)).toEqual(['a1', 'a2']);
		expect((await listAnswers(db, 'b')).map((x) => x.id)).toEqual(['b1']);
		expect(await listAnswers(db, 'nobody')).toEqual([]);
	});

	it('deletes one answer and only that one', async () => {
		const db = await freshDB();
		await saveAnswer(db, ans('a1', 'a'));
		await saveAnswer(db, ans('a2', 'a'));
		await deleteAnswer(db, 'a1');
		expect((await listAnswers(db, 'a')).map((x) => x.id)).toEqual(['a2']);
		await expect(deleteAnswer(db, 'missing')).resolves.toBeUndefined();
	});

	it('refuses to save an invalid answer, storing nothing', async () => {
		const db = await freshDB();
		const bad = {
			...ans('a1', 'a'),
			value: { kind: 'self', competence: 'cook', level: 4 }
		} as unknown as AnswerRecord;
		await expect(saveAnswer(db, bad)).rejects.toThrow();
		expect(await db.count('answers')).toBe(0);
	});

	it('resolves only after the answer is readable from a new transaction', async () => {
		const db = await freshDB();
		await saveAnswer(db, ans('a1', 'a'));
		expect(await db.get('answers', 'a1')).toEqual(ans('a1', 'a'));
	});

	it('never saves a second answer to the same card of a round (another tab answered first)', async () => {
		const db = await freshDB();
		const first = answer('tab-a', 'p', 1, 'round-1');
		const late = {
			...answer('tab-b', 'p', 2, 'round-1'),
			value: { kind: 'self' as const, competence: 'cook', level: 3 as const }
		};
		expect(await saveAnswer(db, first)).toBe(true);
		expect(await saveAnswer(db, late)).toBe(false);
		expect(await listAnswers(db, 'p')).toEqual([first]);
		// The same card in another round, or another card of this round, is saved.
		expect(await saveAnswer(db, answer('next-round', 'p', 3, 'round-2'))).toBe(true);
		expect(await saveAnswer(db, { ...answer('other-card', 'p', 4, 'round-1'), cardId: 'q-bus' })).toBe(true);
		expect((await listAnswers(db, 'p')).length).toBe(3);
	});

	it('two tabs answering the same card at once: exactly one answer is kept', async () => {
		const db = await freshDB();
		const results = await Promise.all(['x', 'y', 'z'].map((id) => saveAnswer(db, answer(id, 'p', 1, 'same-round'))));
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await db.count('answers')).toBe(1);
	});
});
