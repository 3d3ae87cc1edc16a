import { describe, expect, it } from 'vitest';
import { competenceLevels, levelHistory } from '../../../src/lib/domain/scoring';
import { AnswerRecordSchema } from '../../../src/lib/domain/records';
import { importedAnswer, selfAnswer, situationAnswer } from './answers-fixture';

describe('levels imported from a shared link', () => {
	it('count as the person’s own judgement at their date', () => {
		const levels = competenceLevels([importedAnswer('i1', 100, 'cook-for-many', 3)]);
		expect(levels.get('cook-for-many')?.level).toBe(3);
	});

	it('are overridden by a fresher self-assessment, and raised by later situations', () => {
		const answers = [
			importedAnswer('i1', 100, 'cook-for-many', 3),
			selfAnswer('s1', 200, 'cook-for-many', 1),
			situationAnswer('q1', 300, { 'cook-for-many': 2 })
		];
		expect(competenceLevels(answers).get('cook-for-many')?.level).toBe(2);
		expect(levelHistory(answers, 'cook-for-many').map((h) => h.level)).toEqual([3, 1, 2]);
	});

	it('win over an older self-assessment', () => {
		const answers = [selfAnswer('s1', 100, 'first-aid', 1), importedAnswer('i1', 200, 'first-aid', 2)];
		expect(competenceLevels(answers).get('first-aid')?.level).toBe(2);
	});

	it('are valid stored records', () => {
		expect(AnswerRecordSchema.safeParse(importedAnswer('i1', 1, 'first-aid', 2)).success).toBe(true);
		const bad = {
			...importedAnswer('i1', 1, 'first-aid', 2),
			value: { kind: 'imported', competence: 'first-aid', level: 4 }
		};
		expect(AnswerRecordSchema.safeParse(bad).success).toBe(false);
	});
});
