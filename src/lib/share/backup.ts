/**
 * Backup and restore of one profile: everything it holds, evidence Blobs included, in one
 * zip the person can keep anywhere. Restoring merges into the chosen profile on this
 * device: it never deletes anything there, and either all of it is written or none of it.
 */
import { strToU8 } from 'fflate';
import type * as z from 'zod/mini';
import {
	AnswerRecordSchema,
	CoachNoteSchema,
	DEFAULT_PROFILE_ID,
	EvidenceRecordSchema,
	ExperiencePickSchema,
	NextStepSchema,
	ProfileSchema,
	RoundRecordSchema,
	SettingsRecordSchema,
	VisibilityRecordSchema,
	type Profile
} from '../domain/records';
import { DB_VERSION, PROFILE_OWNED_STORES as PROFILE_STORES, type AtoutsDB } from '../storage/db';
import { guardWrite } from '../storage/errors';
import { profileRowsIn } from '../storage/read';
import { mapInSlices, stringifyInSlices, yieldToMain } from '../domain/time-slices';
import { zipWriter } from './zip-writer';
import {
	BACKUP_FORMAT,
	BACKUP_JSON,
	BACKUP_LIMITS,
	BACKUP_VERSION,
	BackupRefusal,
	evidenceFileName,
	nameClipFileName,
	ownKey,
	parseBackup,
	type BackupError,
	type BackupJson,
	type ParsedBackup,
	type RecordStore
} from './backup-format';

export { BACKUP_MIME, BackupRefusal, type BackupError, type ParsedBackup } from './backup-format';

const SCHEMAS = {
	settings: SettingsRecordSchema,
	answers: AnswerRecordSchema,
	rounds: RoundRecordSchema,
	picks: ExperiencePickSchema,
	evidence: EvidenceRecordSchema,
	visibility: VisibilityRecordSchema,
	coachNotes: CoachNoteSchema,
	nextSteps: NextStepSchema
} satisfies Record<RecordStore, z.ZodMiniType>;
type Rows = { [S in RecordStore]: z.output<(typeof SCHEMAS)[S]>[] };

/** Local date: the day the person made it, as they would look for it in their files. */
export function backupFileName(now = Date.now()): string {
	const d = new Date(now);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `atouts-sauvegarde-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.zip`;
}

/**
 * One readonly transaction, so the backup is a consistent snapshot even if a write lands meanwhile.
 * Records are read in batches and checked in slices: a big profile (5,000 answers, 200 photos)
 * never freezes the page for long (storage/read.ts, domain/time-slices.ts).
 */
async function readProfile(db: AtoutsDB, profileId: string, now: number): Promise<{ profile: Profile; rows: Rows }> {
	const tx = db.transaction(['profiles', ...PROFILE_STORES], 'readonly');
	const profileRow: unknown = await tx.objectStore('profiles').get(profileId);
	const stored = [];
	for (const store of PROFILE_STORES) stored.push(await profileRowsIn(tx.objectStore(store), profileId));
	await tx.done;
	// Rows that no longer parse stay on the device (the next normal read quarantines them):
	// a backup holds only what a restore will accept.
	const rows: Partial<Record<RecordStore, unknown[]>> = {};
	for (const [i, store] of PROFILE_STORES.entries()) {
		const parsed = await mapInSlices(stored[i]!, (row) => SCHEMAS[store].safeParse(row.value));
		rows[store] = parsed.flatMap((p) => (p.success ? [p.data] : []));
	}
	const kind = profileId === DEFAULT_PROFILE_ID ? 'default' : 'named';
	const profile = ProfileSchema.safeParse(profileRow);
	return { profile: profile.success ? profile.data : { id: profileId, kind, createdAt: now }, rows: rows as Rows };
}

/** DOS timestamps only cover 1980–2099; the zip's dates are cosmetic, createdAt is what counts. */
const zipDate = (now: number) => new Date(Math.min(Math.max(now, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30)));

/**
 * Throws BackupRefusal('too-large') rather than hand over a file a restore would refuse:
 * a backup that cannot be restored is worse than none.
 */
export async function createBackup(db: AtoutsDB, profileId: string, now = Date.now()): Promise<Blob> {
	const { profile, rows } = await readProfile(db, profileId, now);
	const evidence = rows.evidence.map(({ blob: _, ...record }) => ({
		...record,
		file: evidenceFileName(record.id, record.mime)
	}));
	const { nameClip, ...ownProfile } = profile;
	const clipFile = nameClip && { file: nameClipFileName(nameClip.type), mime: nameClip.type || 'audio/webm' };
	const json: BackupJson = {
		format: BACKUP_FORMAT,
		// Version 1 when nothing needs version 2, so an older Atouts can still restore it.
		version: rows.coachNotes.length || rows.nextSteps.length || clipFile ? BACKUP_VERSION : 1,
		createdAt: now,
		app: 'atouts',
		dbVersion: DB_VERSION,
		profile: { ...ownProfile, ...(clipFile ? { nameClip: clipFile } : {}) },
		...rows,
		evidence
	};
	const text = strToU8(await stringifyInSlices(json));
	let total = text.length;
	if (total > BACKUP_LIMITS.entry) throw new BackupRefusal('too-large');
	await yieldToMain(); // encoding a big profile's text is a task's worth (~25 ms at 4× CPU)
	const zip = zipWriter(zipDate(now));
	await zip.add(BACKUP_JSON, text, 6);
	const media = [
		...rows.evidence.map((record, i) => ({ blob: record.blob, file: evidence[i]!.file })),
		...(nameClip && clipFile ? [{ blob: nameClip, file: clipFile.file }] : [])
	];
	for (const { blob, file } of media) {
		const bytes = new Uint8Array(await blob.arrayBuffer());
		if (bytes.length > BACKUP_LIMITS.entry || (total += bytes.length) > BACKUP_LIMITS.total)
			throw new BackupRefusal('too-large');
		// Photos and voice notes are already compressed: deflating them again costs time for nothing.
		await zip.add(file, bytes, 0);
	}
	return zip.end();
}

export type ReadBackupResult = { ok: true; backup: ParsedBackup } | { ok: false; error: BackupError };

/** Never throws: whatever the file holds, the answer is a backup or a reason. */
export async function readBackup(file: Blob | Uint8Array): Promise<ReadBackupResult> {
	try {
		if (!(file instanceof Blob) && !(file instanceof Uint8Array)) return { ok: false, error: 'not-a-backup' };
		// Checked before reading a byte: a huge file is refused without filling memory.
		if ((file instanceof Blob ? file.size : file.length) > BACKUP_LIMITS.file) return { ok: false, error: 'too-large' };
		const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file;
		return { ok: true, backup: parseBackup(bytes) };
	} catch (error) {
		return { ok: false, error: error instanceof BackupRefusal ? error.error : 'corrupt' };
	}
}

export interface StoreChange {
	inBackup: number;
	onDevice: number;
	/** In the backup, not on the device: restoring adds them. */
	added: number;
	/** Already on the device: restoring replaces them with the backup's version. */
	existing: number;
	/** Held by another profile on this device: left to it, not copied. */
	otherProfile: number;
}
export interface RestorePreview {
	createdAt: number;
	answers: StoreChange;
	evidence: StoreChange;
	rounds: StoreChange;
	picks: StoreChange;
	visibility: StoreChange;
	coachNotes: StoreChange;
	nextSteps: StoreChange;
	settingsChange: boolean;
}

type RestoreTx = ReturnType<AtoutsDB['transaction']>;
const ID_KEYED = new Set<RecordStore>(['answers', 'rounds', 'evidence', 'nextSteps']);

/** The backup's records of one store, under the target profile, sorted into what a restore does. */
async function planStore(tx: RestoreTx, store: RecordStore, profileId: string, backup: ParsedBackup) {
	const os = tx.objectStore(store);
	const records = (backup[store] as Record<string, unknown>[]).map((r) => ({ ...r, profileId }));
	const own = new Set((await os.index('byProfile').getAllKeys(profileId)).map((k) => JSON.stringify(k)));
	const keyOf = (r: Record<string, unknown>) =>
		ID_KEYED.has(store) ? ownKey(store, r) : [profileId, ownKey(store, r)];
	// answers, rounds, evidence and next steps are keyed by id alone: the same id under another profile
	// on this device (a backup restored into a second profile) must not be taken from it.
	const owners = await Promise.all(
		records.map((r) => (own.has(JSON.stringify(keyOf(r))) ? 'own' : os.count(keyOf(r) as never)))
	);
	const writable = records.filter((_, i) => owners[i] === 'own' || owners[i] === 0);
	const change: StoreChange = {
		inBackup: records.length,
		onDevice: own.size,
		added: owners.filter((o) => o === 0).length,
		existing: owners.filter((o) => o === 'own').length,
		otherProfile: owners.filter((o) => typeof o === 'number' && o > 0).length
	};
	return { writable, change };
}

export async function previewRestore(db: AtoutsDB, profileId: string, backup: ParsedBackup): Promise<RestorePreview> {
	const tx = db.transaction([...PROFILE_STORES], 'readonly');
	const [plans, current] = await Promise.all([
		Promise.all(PROFILE_STORES.map((store) => planStore(tx, store, profileId, backup))),
		tx.objectStore('settings').get([profileId, 'app'])
	]);
	await tx.done;
	const change = (store: RecordStore) => plans[PROFILE_STORES.indexOf(store)]!.change;
	const now = SettingsRecordSchema.safeParse(current);
	const next = backup.settings[0];
	const settingsChange =
		next !== undefined && (!now.success || JSON.stringify(now.data.value) !== JSON.stringify(next.value));
	return {
		createdAt: backup.createdAt,
		answers: change('answers'),
		evidence: change('evidence'),
		rounds: change('rounds'),
		picks: change('picks'),
		visibility: change('visibility'),
		coachNotes: change('coachNotes'),
		nextSteps: change('nextSteps'),
		settingsChange
	};
}

/**
 * Writes the backup into `profileId` in one transaction: same key, the backup's version
 * wins; whatever the device has that the backup lacks stays. Any failure aborts it all.
 */
export async function applyRestore(db: AtoutsDB, profileId: string, backup: ParsedBackup): Promise<void> {
	await guardWrite(async () => {
		const tx = db.transaction(['profiles', ...PROFILE_STORES], 'readwrite', { durability: 'strict' });
		const done = tx.done;
		try {
			for (const store of PROFILE_STORES) {
				const { writable } = await planStore(tx, store, profileId, backup);
				// async: a put that throws at once (a bad key) rejects like one that fails later.
				await Promise.all(writable.map(async (record) => tx.objectStore(store).put(record as never)));
			}
			// A restore into a profile this device does not have yet brings the profile along.
			const profiles = tx.objectStore('profiles');
			if (!(await profiles.count(profileId))) {
				const kind =
					profileId === DEFAULT_PROFILE_ID
						? 'default'
						: backup.profile.kind === 'default'
							? 'named'
							: backup.profile.kind;
				await profiles.put({ ...backup.profile, id: profileId, kind } satisfies Profile);
			}
			await done;
		} catch (error) {
			try {
				tx.abort();
			} catch {
				// Already aborted by the failed request.
			}
			await done.catch(() => undefined);
			throw error;
		}
	});
}
