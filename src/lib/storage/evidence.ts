import { EvidenceRecordSchema, VisibilityRecordSchema, type EvidenceRecord } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite, putDurably } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function listEvidence(db: AtoutsDB, profileId: string): Promise<EvidenceRecord[]> {
	const rows = await parseRows(db, 'evidence', EvidenceRecordSchema, await rowsOfProfile(db, 'evidence', profileId));
	return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function saveEvidence(db: AtoutsDB, record: EvidenceRecord): Promise<void> {
	const parsed = EvidenceRecordSchema.parse(record);
	await putDurably(db, 'evidence', [parsed]);
}

export async function deleteEvidence(db: AtoutsDB, id: string): Promise<void> {
	await guardWrite(() => db.delete('evidence', id));
}

/** Competences the person hid from sharing. */
export async function listHiddenCompetences(db: AtoutsDB, profileId: string): Promise<Set<string>> {
	const rows = await parseRows(
		db,
		'visibility',
		VisibilityRecordSchema,
		await rowsOfProfile(db, 'visibility', profileId)
	);
	return new Set(rows.filter((r) => r.hidden).map((r) => r.competence));
}

export async function setCompetenceHidden(db: AtoutsDB, profileId: string, competence: string, hidden: boolean) {
	const record = VisibilityRecordSchema.parse({ profileId, competence, hidden });
	await guardWrite(() => db.put('visibility', record));
}
