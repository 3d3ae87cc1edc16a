/**
 * Turning answers into competence levels.
 *
 * The rule, in plain words:
 * - A self-assessment ("I do it with help / alone / I can explain it") is evidence at that
 *   level. "I don't know" is no evidence at all: it never lowers anything.
 * - A situational answer is evidence, for each competence it weighs, at its weight (1 to 3).
 * - The person's freshest self-assessment of a competence sets its level: their own latest
 *   judgement wins over an older one, up or down.
 * - Situational answers given after that self-assessment can only raise the level, never
 *   lower it: Atouts recognises what people can do, it does not mark them down.
 * - With no self-assessment yet, the level is the highest situational evidence.
 * - A level imported from a shared link counts as the person's own judgement at its date,
 *   like a self-assessment: it is what they recognised on the other device.
 * A competence is recognised when its level is 1 or more.
 */
import type { AnswerRecord } from './records';
import type { MasteryLevel } from './content-keys';
import { forEachInSlices } from './time-slices';

export interface Evidence {
	competence: string;
	level: MasteryLevel;
	at: number;
	source: 'self' | 'situation' | 'imported';
	answerId: string;
}

export interface CompetenceLevel {
	competence: string;
	level: MasteryLevel;
	/** When it was first recognised, and when its level last came from an answer. */
	firstAt: number;
	updatedAt: number;
	evidenceCount: number;
}

export function evidenceOf(answer: AnswerRecord): Evidence[] {
	const v = answer.value;
	if (v.kind === 'imported')
		return [{ competence: v.competence, level: v.level, at: answer.at, source: 'imported', answerId: answer.id }];
	if (v.kind === 'self')
		return v.level === null
			? []
			: [{ competence: v.competence, level: v.level, at: answer.at, source: 'self', answerId: answer.id }];
	return Object.entries(v.weights).map(([competence, level]) => ({
		competence,
		level,
		at: answer.at,
		source: 'situation' as const,
		answerId: answer.id
	}));
}

/** Answers sorted oldest first; ties keep a stable order by id so results never flicker. */
export function chronological(answers: readonly AnswerRecord[]): AnswerRecord[] {
	return [...answers].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** Applies one piece of evidence to the running level, following the rule above. */
function step(current: MasteryLevel | undefined, evidence: Evidence): MasteryLevel {
	if (evidence.source !== 'situation') return evidence.level;
	return current === undefined ? evidence.level : (Math.max(current, evidence.level) as MasteryLevel);
}

/** Adds one answer's evidence to the running levels (answers must come in chronological order). */
function addAnswer(levels: Map<string, CompetenceLevel>, answer: AnswerRecord): void {
	for (const e of evidenceOf(answer)) {
		const prev = levels.get(e.competence);
		levels.set(e.competence, {
			competence: e.competence,
			level: step(prev?.level, e),
			firstAt: prev?.firstAt ?? e.at,
			updatedAt: e.at,
			evidenceCount: (prev?.evidenceCount ?? 0) + 1
		});
	}
}

export function competenceLevels(answers: readonly AnswerRecord[]): Map<string, CompetenceLevel> {
	const levels = new Map<string, CompetenceLevel>();
	for (const answer of chronological(answers)) addAnswer(levels, answer);
	return levels;
}

/**
 * The same as competenceLevels, in slices that let the page paint and answer taps meanwhile:
 * thousands of answers take tens of milliseconds on a slow phone.
 */
export async function competenceLevelsInSlices(
	answers: readonly AnswerRecord[]
): Promise<Map<string, CompetenceLevel>> {
	const levels = new Map<string, CompetenceLevel>();
	await forEachInSlices(chronological(answers), (answer) => addAnswer(levels, answer));
	return levels;
}

export interface LevelChange {
	at: number;
	level: MasteryLevel;
}

/** How one competence's level moved over time: a point each time it changed. For coaches. */
export function levelHistory(answers: readonly AnswerRecord[], competence: string): LevelChange[] {
	const history: LevelChange[] = [];
	let current: MasteryLevel | undefined;
	for (const answer of chronological(answers)) {
		for (const e of evidenceOf(answer)) {
			if (e.competence !== competence) continue;
			const next = step(current, e);
			if (next !== current) history.push({ at: e.at, level: next });
			current = next;
		}
	}
	return history;
}

/**
 * The strengths to celebrate at the end of a round: competences that this round's answers
 * gave evidence for, with their level after the round, strongest first.
 */
export function roundStrengths(allAnswers: readonly AnswerRecord[], roundId: string): CompetenceLevel[] {
	const touched = new Set(
		allAnswers.filter((a) => a.roundId === roundId).flatMap((a) => evidenceOf(a).map((e) => e.competence))
	);
	const levels = competenceLevels(allAnswers);
	return [...touched]
		.map((c) => levels.get(c))
		.filter((l): l is CompetenceLevel => l !== undefined)
		.sort((a, b) => b.level - a.level || a.competence.localeCompare(b.competence));
}
