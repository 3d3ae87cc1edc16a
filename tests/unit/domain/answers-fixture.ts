/** Small builders for answer records, shared by the domain tests. */
import type { AnswerRecord } from '../../../src/lib/domain/records';
import type { MasteryLevel } from '../../../src/lib/domain/content-keys';

export function selfAnswer(
	id: string,
	at: number,
	competence: string,
	level: MasteryLevel | null,
	roundId = 'r1'
): AnswerRecord {
	return {
		id,
		profileId: 'default',
		roundId,
		cardId: `s-${competence}`,
		packId: 'socle',
		at,
		value: { kind: 'self', competence, level }
	};
}

export function situationAnswer(
	id: string,
	at: number,
	weights: Record<string, MasteryLevel>,
	roundId = 'r1'
): AnswerRecord {
	return {
		id,
		profileId: 'default',
		roundId,
		cardId: `q-${id}`,
		packId: 'socle',
		at,
		value: { kind: 'situation', answerId: 'a', weights }
	};
}

export function importedAnswer(id: string, at: number, competence: string, level: MasteryLevel): AnswerRecord {
	return {
		id,
		profileId: 'default',
		roundId: 'import',
		cardId: 'import',
		packId: 'socle',
		at,
		value: { kind: 'imported', competence, level }
	};
}
