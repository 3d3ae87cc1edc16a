/** Valid records for storage tests. */
import type { AnswerRecord, ExperiencePick, RoundRecord } from '../../../src/lib/domain/records';

export const answer = (id: string, profileId: string, at = 1, roundId = 'r1'): AnswerRecord => ({
	id,
	profileId,
	roundId,
	cardId: 's-cook',
	packId: 'socle',
	at,
	value: { kind: 'self', competence: 'cook', level: 2 }
});

export const pick = (
	profileId: string,
	experienceId: string,
	followUps: Record<string, string> = {}
): ExperiencePick => ({
	profileId,
	experienceId,
	followUps,
	at: 5
});

export const round = (id: string, profileId: string, startedAt: number): RoundRecord => ({
	id,
	profileId,
	seed: `seed-${id}`,
	cardIds: ['s-cook', 'q-bus'],
	startedAt
});
