/**
 * What a coach adds to a participant's portfolio (coach notes, next steps), and the coach's
 * own caseload of portfolios received by link. Notes and steps belong to the participant's
 * profile; the caseload belongs to the coach's device.
 */
import {
	CaseloadEntrySchema,
	CoachNoteSchema,
	NextStepSchema,
	type CaseloadEntry,
	type CoachNote,
	type NextStep
} from '../domain/records';
import { checkWithBackoff, type CheckResult } from '../domain/picture-code';
import type { AtoutsDB } from './db';
import { loadDeviceSettings, saveDeviceSettings } from './device';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { allRows, rowsOfProfile } from './read';

export async function listCoachNotes(db: AtoutsDB, profileId: string): Promise<CoachNote[]> {
	return parseRows(db, 'coachNotes', CoachNoteSchema, await rowsOfProfile(db, 'coachNotes', profileId));
}

export async function saveCoachNote(db: AtoutsDB, note: CoachNote): Promise<void> {
	const parsed = CoachNoteSchema.parse(note);
	await guardWrite(() => db.put('coachNotes', parsed));
}

export async function deleteCoachNote(db: AtoutsDB, profileId: string, competence: string): Promise<void> {
	await guardWrite(() => db.delete('coachNotes', [profileId, competence]));
}

export async function listNextSteps(db: AtoutsDB, profileId: string): Promise<NextStep[]> {
	const steps = await parseRows(db, 'nextSteps', NextStepSchema, await rowsOfProfile(db, 'nextSteps', profileId));
	return steps.sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at);
}

export async function saveNextStep(db: AtoutsDB, step: NextStep): Promise<void> {
	const parsed = NextStepSchema.parse(step);
	await guardWrite(() => db.put('nextSteps', parsed));
}

export async function deleteNextStep(db: AtoutsDB, id: string): Promise<void> {
	await guardWrite(() => db.delete('nextSteps', id));
}

export async function listCaseload(db: AtoutsDB): Promise<CaseloadEntry[]> {
	const entries = await parseRows(db, 'caseload', CaseloadEntrySchema, await allRows(db, 'caseload'));
	return entries.sort((a, b) => a.label.localeCompare(b.label));
}

export async function saveCaseloadEntry(db: AtoutsDB, entry: CaseloadEntry): Promise<void> {
	const parsed = CaseloadEntrySchema.parse(entry);
	await guardWrite(() => db.put('caseload', parsed));
}

export async function deleteCaseloadEntry(db: AtoutsDB, id: string): Promise<void> {
	await guardWrite(() => db.delete('caseload', id));
}

/** A link's coach notes and next steps at once ("save to my phone"): all or none. */
export async function saveCoachNotes(
	db: AtoutsDB,
	notes: readonly CoachNote[],
	steps: readonly NextStep[] = []
): Promise<void> {
	const parsedNotes = notes.map((n) => CoachNoteSchema.parse(n));
	const parsedSteps = steps.map((s) => NextStepSchema.parse(s));
	await guardWrite(async () => {
		const tx = db.transaction(['coachNotes', 'nextSteps'], 'readwrite', { durability: 'strict' });
		const notesStore = tx.objectStore('coachNotes');
		const stepsStore = tx.objectStore('nextSteps');
		await Promise.all([
			...parsedNotes.map((n) => notesStore.put(n)),
			...parsedSteps.map((s) => stepsStore.put(s)),
			tx.done
		]);
	});
}

type Snapshot = CaseloadEntry['snapshots'][number];
const MAX_SNAPSHOTS = 200;
export const sameLabel = (a: string, b: string) =>
	a.normalize('NFC').trim().toLocaleLowerCase('fr') === b.normalize('NFC').trim().toLocaleLowerCase('fr');

/**
 * Saves a portfolio received by link to the caseload: a new person, or, for a label already
 * there, one more review (the same review twice is kept once; the oldest go past 200).
 */
export async function addCaseloadSnapshot(
	db: AtoutsDB,
	label: string,
	snapshot: Snapshot,
	newId: () => string = () => crypto.randomUUID()
): Promise<{ entry: CaseloadEntry; isNew: boolean }> {
	const existing = (await listCaseload(db)).find((e) => sameLabel(e.label, label));
	const last = existing?.snapshots.at(-1);
	const repeat = last && last.at === snapshot.at && JSON.stringify(last.levels) === JSON.stringify(snapshot.levels);
	const entry: CaseloadEntry = existing
		? {
				...existing,
				snapshots: repeat
					? existing.snapshots
					: [...existing.snapshots, snapshot].sort((a, b) => a.at - b.at).slice(-MAX_SNAPSHOTS)
			}
		: { id: newId(), label: label.trim(), snapshots: [snapshot] };
	await saveCaseloadEntry(db, entry);
	return { entry: CaseloadEntrySchema.parse(entry), isNew: !existing };
}

/** Checks the coach PIN with the back-off of picture codes; wrong attempts are stored on the device. */
export async function checkCoachPin(db: AtoutsDB, pin: string, now = Date.now()): Promise<CheckResult> {
	const device = await loadDeviceSettings(db);
	if (!device.coachPin) return { ok: false, waitMs: 0 };
	const attempts = { failures: device.coachFailures, lastFailureAt: device.coachLastFailureAt };
	const { result, attempts: next } = await checkWithBackoff(device.coachPin, attempts, pin, now);
	if (next.failures !== (attempts.failures ?? 0) || next.lastFailureAt !== attempts.lastFailureAt) {
		const { coachFailures: _f, coachLastFailureAt: _l, ...rest } = device;
		await saveDeviceSettings(db, {
			...rest,
			...(next.failures ? { coachFailures: next.failures } : {}),
			...(next.lastFailureAt ? { coachLastFailureAt: next.lastFailureAt } : {})
		});
	}
	return result;
}
