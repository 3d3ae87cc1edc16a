import { AnswerRecordSchema, type AnswerRecord } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite, putDurably } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function listAnswers(db: AtoutsDB, profileId: string): Promise<AnswerRecord[]> {
	return parseRows(db, 'answers', AnswerRecordSchema, await rowsOfProfile(db, 'answers', profileId));
}

/** Resolves only once the answer is committed to disk (transaction complete). */
export async function saveAnswer(db: AtoutsDB, answer: AnswerRecord): Promise<void> {
	const record = AnswerRecordSchema.parse(answer);
	await putDurably(db, 'answers', [record]);
}

export async function deleteAnswer(db: AtoutsDB, id: string): Promise<void> {
	await guardWrite(() => db.delete('answers', id));
}

/**
 * Saves levels brought by a shared link, all or nothing (one transaction). Ids are derived
 * from competence and date, so saving the same link twice changes nothing.
 */
export async function saveImportedLevels(
	db: AtoutsDB,
	profileId: string,
	levels: readonly { competence: string; level: 1 | 2 | 3; at: number }[]
): Promise<number> {
	const records = levels.map((l) =>
		AnswerRecordSchema.parse({
			id: `import:${l.competence}:${l.at}`,
			profileId,
			roundId: 'import',
			cardId: 'import',
			packId: 'link',
			at: l.at,
			value: { kind: 'imported', competence: l.competence, level: l.level }
		})
	);
	await putDurably(db, 'answers', records);
	return records.length;
}
