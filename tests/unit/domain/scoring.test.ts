import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	chronological,
	competenceLevels,
	competenceLevelsInSlices,
	evidenceOf,
	levelHistory,
	roundStrengths
} from '../../../src/lib/domain/scoring';
import type { AnswerRecord } from '../../../src/lib/domain/records';
import type { MasteryLevel } from '../../../src/lib/domain/content-keys';
import { selfAnswer, situationAnswer } from './answers-fixture';

const levelOf = (answers: AnswerRecord[], competence: string) => competenceLevels(answers).get(competence)?.level;

describe('evidenceOf', () => {
	it('turns a self-assessment into one piece of evidence at its level', () => {
		expect(evidenceOf(selfAnswer('a1', 10, 'cook', 2))).toEqual([
			{ competence: 'cook', level: 2, at: 10, source: 'self', answerId: 'a1' }
		]);
	});

	it('treats "I don\'t know" (level null) as no evidence at all', () => {
		expect(evidenceOf(selfAnswer('a1', 10, 'cook', null))).toEqual([]);
	});

	it('gives one piece of evidence per weighted competence of a situational answer', () => {
		const evidence = evidenceOf(situationAnswer('a2', 20, { cook: 3, 'be-on-time': 1 }));
		expect(evidence).toHaveLength(2);
		expect(evidence).toContainEqual({ competence: 'cook', level: 3, at: 20, source: 'situation', answerId: 'a2' });
		expect(evidence).toContainEqual({
			competence: 'be-on-time',
			level: 1,
			at: 20,
			source: 'situation',
			answerId: 'a2'
		});
	});
});

describe('chronological', () => {
	it('sorts oldest first and breaks time ties by id, without mutating the input', () => {
		const input = [selfAnswer('b', 5, 'x', 1), selfAnswer('c', 1, 'x', 1), selfAnswer('a', 5, 'x', 1)];
		const copy = [...input];
		expect(chronological(input).map((a) => a.id)).toEqual(['c', 'a', 'b']);
		expect(input).toEqual(copy);
	});
});

describe('competenceLevels: the documented rule', () => {
	it('the freshest self-assessment wins, downwards', () => {
		expect(levelOf([selfAnswer('a', 1, 'cook', 3), selfAnswer('b', 2, 'cook', 1)], 'cook')).toBe(1);
	});

	it('the freshest self-assessment wins, upwards', () => {
		expect(levelOf([selfAnswer('a', 1, 'cook', 1), selfAnswer('b', 2, 'cook', 3)], 'cook')).toBe(3);
	});

	it('"freshest" is by time, not by position in the list', () => {
		// The older judgement comes last in the array: it must still lose.
		expect(levelOf([selfAnswer('b', 2, 'cook', 1), selfAnswer('a', 1, 'cook', 3)], 'cook')).toBe(1);
	});

	it('situational answers after a self-assessment can raise the level', () => {
		expect(levelOf([selfAnswer('a', 1, 'cook', 1), situationAnswer('b', 2, { cook: 3 })], 'cook')).toBe(3);
	});

	it('situational answers after a self-assessment never lower it', () => {
		expect(levelOf([selfAnswer('a', 1, 'cook', 3), situationAnswer('b', 2, { cook: 1 })], 'cook')).toBe(3);
	});

	it('a self-assessment overrides older situational evidence, even downwards', () => {
		expect(levelOf([situationAnswer('a', 1, { cook: 3 }), selfAnswer('b', 2, 'cook', 1)], 'cook')).toBe(1);
	});

	it('without any self-assessment, the level is the highest situational evidence', () => {
		const answers = [
			situationAnswer('a', 1, { cook: 2 }),
			situationAnswer('b', 2, { cook: 3 }),
			situationAnswer('c', 3, { cook: 1 })
		];
		expect(levelOf(answers, 'cook')).toBe(3);
	});

	it('"I don\'t know" never lowers a level and is not counted as evidence', () => {
		const before = [selfAnswer('a', 1, 'cook', 2)];
		const after = [...before, selfAnswer('b', 2, 'cook', null)];
		expect(competenceLevels(after).get('cook')).toEqual(competenceLevels(before).get('cook'));
	});

	it('"I don\'t know" alone recognises nothing', () => {
		expect(competenceLevels([selfAnswer('a', 1, 'cook', null)]).has('cook')).toBe(false);
	});

	it('a self-assessment resets what older situational evidence raised, then newer situations raise again', () => {
		const answers = [
			situationAnswer('a', 1, { cook: 3 }),
			selfAnswer('b', 2, 'cook', 1),
			situationAnswer('c', 3, { cook: 2 })
		];
		expect(levelOf(answers, 'cook')).toBe(2);
	});

	it('breaks ties between answers given at the same time by answer id', () => {
		// Same timestamp: "a" comes before "b", so "b" is the freshest self-assessment.
		const low = [selfAnswer('b', 7, 'cook', 1), selfAnswer('a', 7, 'cook', 3)];
		const high = [selfAnswer('b', 7, 'cook', 3), selfAnswer('a', 7, 'cook', 1)];
		expect(levelOf(low, 'cook')).toBe(1);
		expect(levelOf([...low].reverse(), 'cook')).toBe(1);
		expect(levelOf(high, 'cook')).toBe(3);
	});

	it('keeps competences apart', () => {
		const levels = competenceLevels([
			selfAnswer('a', 1, 'cook', 3),
			situationAnswer('b', 2, { 'be-on-time': 2, cook: 1 })
		]);
		expect(levels.get('cook')?.level).toBe(3);
		expect(levels.get('be-on-time')?.level).toBe(2);
		expect(levels.size).toBe(2);
	});

	it('records first and last evidence times and the evidence count', () => {
		const levels = competenceLevels([
			selfAnswer('c', 30, 'cook', null),
			situationAnswer('b', 20, { cook: 1 }),
			selfAnswer('a', 10, 'cook', 2)
		]);
		expect(levels.get('cook')).toEqual({
			competence: 'cook',
			level: 2,
			firstAt: 10,
			updatedAt: 20,
			evidenceCount: 2
		});
	});
});

// ---- Property: the fold agrees with a declarative reading of the rule ----

const COMPETENCES = ['cook', 'drive', 'listen'] as const;
const levelArb = fc.constantFrom<MasteryLevel>(1, 2, 3);
const answerArb = fc.oneof(
	fc.record({
		kind: fc.constant('self' as const),
		at: fc.integer({ min: 0, max: 20 }),
		competence: fc.constantFrom(...COMPETENCES),
		level: fc.option(levelArb, { nil: null })
	}),
	fc.record({
		kind: fc.constant('situation' as const),
		at: fc.integer({ min: 0, max: 20 }),
		weights: fc.dictionary(fc.constantFrom(...COMPETENCES), levelArb, { minKeys: 1, maxKeys: 3 })
	})
);
const answersArb = fc.array(answerArb, { maxLength: 25, size: 'max' }).map((raw) =>
	raw.map((r, i): AnswerRecord => {
		const id = `ans-${String(i).padStart(3, '0')}`;
		return r.kind === 'self' ? selfAnswer(id, r.at, r.competence, r.level) : situationAnswer(id, r.at, r.weights);
	})
);

/** Reads the rule literally: latest self-assessment, raised by later situations only. */
function expectedLevel(answers: readonly AnswerRecord[], competence: string): MasteryLevel | undefined {
	const before = (a: AnswerRecord, b: AnswerRecord) => a.at < b.at || (a.at === b.at && a.id < b.id);
	let latestSelf: AnswerRecord | undefined;
	for (const a of answers)
		if (a.value.kind === 'self' && a.value.competence === competence && a.value.level !== null)
			if (!latestSelf || before(latestSelf, a)) latestSelf = a;
	const situational = answers
		.filter((a) => !latestSelf || before(latestSelf, a))
		.flatMap((a) => (a.value.kind === 'situation' && a.value.weights[competence] ? [a.value.weights[competence]] : []));
	const base = latestSelf && latestSelf.value.kind === 'self' ? latestSelf.value.level : null;
	const candidates = [...(base === null ? [] : [base]), ...situational];
	return candidates.length ? (Math.max(...candidates) as MasteryLevel) : undefined;
}

describe('competenceLevels: properties', () => {
	it('matches a literal reading of the rule for any history', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const levels = competenceLevels(answers);
				for (const c of COMPETENCES) expect(levels.get(c)?.level).toBe(expectedLevel(answers, c));
			})
		);
	});

	it('gives the same levels in slices as in one go', async () => {
		await fc.assert(
			fc.asyncProperty(answersArb, async (answers) => {
				expect(await competenceLevelsInSlices(answers)).toEqual(competenceLevels(answers));
			})
		);
	});

	it('does not depend on the order answers are given in', () => {
		fc.assert(
			fc.property(
				answersArb.chain((answers) =>
					fc.tuple(fc.constant(answers), fc.shuffledSubarray(answers, { minLength: answers.length }))
				),
				([answers, shuffledAnswers]) => {
					expect(competenceLevels(shuffledAnswers)).toEqual(competenceLevels(answers));
				}
			)
		);
	});

	it('adding "I don\'t know" answers anywhere changes nothing', () => {
		fc.assert(
			fc.property(
				answersArb,
				fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(...COMPETENCES)), { maxLength: 5 }),
				(answers, skips) => {
					const withSkips = [...answers, ...skips.map(([at, c], i) => selfAnswer(`skip-${i}`, at, c, null))];
					expect(competenceLevels(withSkips)).toEqual(competenceLevels(answers));
				}
			)
		);
	});

	it('levelHistory ends at the current level and only records changes', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const levels = competenceLevels(answers);
				for (const c of COMPETENCES) {
					const history = levelHistory(answers, c);
					expect(history.at(-1)?.level).toBe(levels.get(c)?.level);
					for (let i = 1; i < history.length; i++) {
						expect(history[i]!.level).not.toBe(history[i - 1]!.level);
						expect(history[i]!.at).toBeGreaterThanOrEqual(history[i - 1]!.at);
					}
				}
			})
		);
	});
});

describe('levelHistory', () => {
	it('records a point each time the level changes, and none when it stays', () => {
		const answers = [
			situationAnswer('a', 1, { cook: 1 }),
			situationAnswer('b', 2, { cook: 1 }),
			selfAnswer('c', 3, 'cook', 3),
			situationAnswer('d', 4, { cook: 2 }),
			selfAnswer('e', 5, 'cook', null),
			selfAnswer('f', 6, 'cook', 1),
			situationAnswer('g', 7, { drive: 3 })
		];
		expect(levelHistory(answers, 'cook')).toEqual([
			{ at: 1, level: 1 },
			{ at: 3, level: 3 },
			{ at: 6, level: 1 }
		]);
	});

	it('is empty for a competence with no evidence', () => {
		expect(levelHistory([selfAnswer('a', 1, 'cook', null), selfAnswer('b', 2, 'drive', 2)], 'cook')).toEqual([]);
	});
});

describe('roundStrengths', () => {
	it('lists only the competences this round gave evidence for, at their level after the round', () => {
		const answers = [
			selfAnswer('a', 1, 'cook', 3, 'old'),
			selfAnswer('b', 2, 'drive', 2, 'old'),
			situationAnswer('c', 3, { cook: 1 }, 'now'),
			selfAnswer('d', 4, 'listen', 1, 'now')
		];
		const strengths = roundStrengths(answers, 'now');
		// cook keeps 3 from the earlier round: a later situation never lowers it.
		expect(strengths.map((s) => [s.competence, s.level])).toEqual([
			['cook', 3],
			['listen', 1]
		]);
	});

	it('orders strongest first, then by competence id', () => {
		const answers = [
			situationAnswer('a', 1, { zeta: 2, alpha: 2, mid: 3, beta: 1 }, 'r'),
			selfAnswer('b', 2, 'gamma', 2, 'r')
		];
		expect(roundStrengths(answers, 'r').map((s) => s.competence)).toEqual(['mid', 'alpha', 'gamma', 'zeta', 'beta']);
	});

	it('is empty for a round of "I don\'t know" answers or an unknown round', () => {
		const answers = [selfAnswer('a', 1, 'cook', null, 'r'), selfAnswer('b', 2, 'drive', 2, 'other')];
		expect(roundStrengths(answers, 'r')).toEqual([]);
		expect(roundStrengths(answers, 'missing')).toEqual([]);
	});
});
