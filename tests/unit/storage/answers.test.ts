import { describe, it, expect } from 'vitest';
import { deleteAnswer, listAnswers, saveAnswer } from '../../../src/lib/storage/answers';
import type { AnswerRecord } from '../../../src/lib/domain/records';
import { freshDB } from './db-helpers';
import { answer } from './records';

const byId = (list: AnswerRecord[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));

describe('answers storage', () => {
	it('saves and lists answers, situational ones included', async () => {
		const db = await freshDB();
		const situational: AnswerRecord = {
			...answer('a2', 'p'),
			cardId: 'q-bus',
			value: { kind: 'situation', answerId: 'call', weights: { 'phone-call': 2, 'be-on-time': 3 } }
		};
		const skipped: AnswerRecord = { ...answer('a3', 'p'), value: { kind: 'self', competence: 'cook', level: null } };
		await saveAnswer(db, answer('a1', 'p'));
		await saveAnswer(db, situational);
		await saveAnswer(db, skipped);
		expect(byId(await listAnswers(db, 'p'))).toEqual([answer('a1', 'p'), situational, skipped]);
	});

	it('never lists answers of another profile', async () => {
		const db = await freshDB();
		await saveAnswer(db, answer('a1', 'a'));
		await saveAnswer(db, answer('a2', 'a'));
		await saveAnswer(db, answer('b1', 'b'));
		expect(byId(await listAnswers(db, 'a')).map((x) => x.id)).toEqual(['a1', 'a2']);
		expect((await listAnswers(db, 'b')).map((x) => x.id)).toEqual(['b1']);
		expect(await listAnswers(db, 'nobody')).toEqual([]);
	});

	it('deletes one answer and only that one', async () => {
		const db = await freshDB();
		await saveAnswer(db, answer('a1', 'a'));
		await saveAnswer(db, answer('a2', 'a'));
		await deleteAnswer(db, 'a1');
		expect((await listAnswers(db, 'a')).map((x) => x.id)).toEqual(['a2']);
		await expect(deleteAnswer(db, 'missing')).resolves.toBeUndefined();
	});

	it('refuses to save an invalid answer, storing nothing', async () => {
		const db = await freshDB();
		const bad = {
			...answer('a1', 'a'),
			value: { kind: 'self', competence: 'cook', level: 4 }
		} as unknown as AnswerRecord;
		await expect(saveAnswer(db, bad)).rejects.toThrow();
		expect(await db.count('answers')).toBe(0);
	});

	it('resolves only after the answer is readable from a new transaction', async () => {
		const db = await freshDB();
		await saveAnswer(db, answer('a1', 'a'));
		expect(await db.get('answers', 'a1')).toEqual(answer('a1', 'a'));
	});
});
