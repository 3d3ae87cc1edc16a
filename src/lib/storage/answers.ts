import { AnswerRecordSchema, type AnswerRecord } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite, putDurably } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function listAnswers(db: AtoutsDB, profileId: string): Promise<AnswerRecord[]> {
	return parseRows(db, 'answers', AnswerRecordSchema, await rowsOfProfile(db, 'answers', profileId));
}

/**
 * Saves a quiz answer unless its card already has one in that round, checked and written in
 * one transaction: another tab on the same round that answered first is never overwritten,
 * and the round never counts a card twice. Resolves once committed to disk; returns false
 * when the card was already answered (the caller then reloads what is stored).
 */
export async function saveAnswer(db: AtoutsDB, answer: AnswerRecord): Promise<boolean> {
	const record = AnswerRecordSchema.parse(answer);
	return guardWrite(async () => {
		const tx = db.transaction('answers', 'readwrite', { durability: 'strict' });
		const sameRound = (await tx.store.index('byRound').getAll(record.roundId)) as { cardId?: unknown }[];
		const taken = sameRound.some((other) => other.cardId === record.cardId);
		if (!taken) void tx.store.put(record);
		await tx.done;
		return !taken;
	});
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
