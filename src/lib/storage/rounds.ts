import { RoundRecordSchema, type RoundRecord } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function listRounds(db: AtoutsDB, profileId: string): Promise<RoundRecord[]> {
	const rounds = await parseRows(db, 'rounds', RoundRecordSchema, await rowsOfProfile(db, 'rounds', profileId));
	return rounds.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}

export async function saveRound(db: AtoutsDB, round: RoundRecord): Promise<void> {
	const record = RoundRecordSchema.parse(round);
	await guardWrite(() => db.put('rounds', record));
}
