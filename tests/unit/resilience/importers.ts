/**
 * Every importer's full path, as its screen runs it, against a database: read and check
 * the file, then store what it holds. Each answers what the screen would show: imported,
 * or the error codes and the translation keys it displays for them (found in the UI code:
 * PackImport.svelte, state/backup.svelte.ts, routes/studio, routes/share). Also: the device
 * the tests import into, and a byte-for-byte snapshot of every store.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IDBPDatabase } from 'idb';
import { ContentIndex } from '../../../src/lib/content/content-index';
import { MAX_PACK_CHARS, checkPackImport, type ImportProblem } from '../../../src/lib/content/pack-import';
import { loadShippedPacks } from '../../../src/lib/content/shipped-packs';
import { PackSchema } from '../../../src/lib/domain/content-schema';
import { DEFAULT_PROFILE_ID } from '../../../src/lib/domain/records';
import { applyRestore, previewRestore, readBackup, type BackupError } from '../../../src/lib/share/backup';
import { readPortfolioFragment, type DecodeError } from '../../../src/lib/share/link-codec';
import { VOICE_PACK_PROBLEMS, readVoicePack } from '../../../src/lib/share/voice-pack';
import { saveImportedLevels } from '../../../src/lib/storage/answers';
import { saveClips } from '../../../src/lib/storage/clips';
import type { AtoutsDB } from '../../../src/lib/storage/db';
import { toStorageError } from '../../../src/lib/storage/errors';
import { listImportedPacks, saveImportedPack } from '../../../src/lib/storage/packs';
import { answer, sampleProfile, seed } from '../../fixtures/hostile/backups/backup-fixtures';
import { audio, clip } from '../../fixtures/hostile/voice-packs/voice-pack-fixtures';
import type { HostileData, ImporterName } from '../../fixtures/hostile/generic';
import { validPack } from '../content/pack-fixture';

export interface Outcome {
	imported: boolean;
	/** The importer's typed error codes (none when imported). */
	codes: string[];
	/** The translation keys the screen shows for them. */
	keys: string[];
}
const IMPORTED: Outcome = { imported: true, codes: [], keys: [] };
const refused = (prefix: string, codes: readonly string[]): Outcome => ({
	imported: false,
	codes: [...codes],
	keys: codes.map((code) => `${prefix}${code}`)
});
const storageFailure = (key: string, error: unknown): Outcome => ({
	imported: false,
	codes: [`storage:${toStorageError(error).kind}`],
	keys: [key.replace('%', toStorageError(error).kind)]
});

const LINK_CODES = [
	'empty',
	'bad-characters',
	'truncated',
	'corrupt',
	'newer-version',
	'unknown-version',
	'too-large',
	'invalid'
] satisfies DecodeError[];
/** Every code each importer can answer with: anything else is not a typed error. */
export const KNOWN_CODES: Record<ImporterName, readonly string[]> = {
	pack: [
		'schema',
		'duplicate-id',
		'unknown-reference',
		'missing-translation',
		'unused-string',
		'long-sentence',
		'abbreviation',
		'unknown-pictogram',
		'unsafe-text',
		'too-large',
		'too-deep',
		'not-json',
		'forbidden-key',
		'id-collision'
	] satisfies ImportProblem['code'][],
	backup: ['not-a-backup', 'too-large', 'newer-version', 'corrupt', 'unsafe'] satisfies BackupError[],
	voicePack: VOICE_PACK_PROBLEMS,
	link: LINK_CODES,
	qr: LINK_CODES
};

const asBlob = (data: HostileData): Blob =>
	data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : (data.slice() as Uint8Array<ArrayBuffer>)]);
/** The app checks pictograms against the build's list, and skips the check when it cannot fetch it. */
const PICTOGRAMS = existsSync('static/pictos/index.json')
	? new Set(JSON.parse(readFileSync('static/pictos/index.json', 'utf8')) as string[])
	: undefined;
const contentIndex = async (db: AtoutsDB) =>
	new ContentIndex([...(await loadShippedPacks()), ...(await listImportedPacks(db))]);

/** Settings → Add a pack (PackImport.svelte, then content.importPack). */
async function importPack(db: AtoutsDB, data: HostileData): Promise<Outcome> {
	const file = asBlob(data);
	// The picker refuses a huge file before reading it.
	if (file.size > MAX_PACK_CHARS * 4) return refused('packImport.problem.', ['too-large']);
	const result = checkPackImport(await file.text(), (await contentIndex(db)).allIds(), PICTOGRAMS);
	if (!result.ok)
		return refused(
			'packImport.problem.',
			result.problems.map((p) => p.code)
		);
	try {
		await saveImportedPack(db, result.pack);
	} catch {
		return refused('packImport.problem.', ['schema']);
	}
	return IMPORTED;
}

/** Settings → Restore a backup (state/backup.svelte.ts: check shows the preview, apply restores). */
async function importBackup(db: AtoutsDB, data: HostileData): Promise<Outcome> {
	const result = await readBackup(asBlob(data));
	if (!result.ok) return refused('backup.error.', [result.error]);
	await previewRestore(db, DEFAULT_PROFILE_ID, result.backup);
	try {
		await applyRestore(db, DEFAULT_PROFILE_ID, result.backup);
	} catch (error) {
		return storageFailure('storage.%', error);
	}
	return IMPORTED;
}

/** Studio → Add a voice pack (state/studio.svelte.ts importPack). */
async function importVoicePack(db: AtoutsDB, data: HostileData): Promise<Outcome> {
	const result = await readVoicePack(asBlob(data));
	if (!result.ok)
		return refused(
			'voicePack.problem.',
			result.problems.map((p) => p.code)
		);
	try {
		await saveClips(db, result.clips);
	} catch (error) {
		return storageFailure('storage.%', error);
	}
	return IMPORTED;
}

/** /share#p=… then "Save to my phone" (routes/share: known competences only, quiz.importLevels). */
async function importFragment(db: AtoutsDB, hash: string): Promise<Outcome> {
	const result = await readPortfolioFragment(hash);
	if (!result.ok) return refused('share.error.', [result.error]);
	const index = await contentIndex(db);
	const known = result.portfolio.competences.filter((c) => index.competence(c.id));
	try {
		await saveImportedLevels(
			db,
			DEFAULT_PROFILE_ID,
			known.map((c) => ({ competence: c.id, level: c.level, at: c.at }))
		);
	} catch (error) {
		return storageFailure('share.saveFailed', error);
	}
	return IMPORTED;
}

export const IMPORTERS: Record<ImporterName, (db: AtoutsDB, data: HostileData) => Promise<Outcome>> = {
	pack: importPack,
	backup: importBackup,
	voicePack: importVoicePack,
	link: (db, data) => importFragment(db, data as string),
	// A QR code holds the whole link: the phone opens it, and the share page reads its #fragment.
	qr: (db, data) => importFragment(db, new URL(data as string).hash)
};

/** Runs an importer; a throw (which no importer may do) is reported as the code "threw: …". */
export async function runImport(name: ImporterName, db: AtoutsDB, data: HostileData): Promise<Outcome> {
	try {
		return await IMPORTERS[name](db, data);
	} catch (error) {
		return { imported: false, codes: [`threw: ${(error as Error).message}`.slice(0, 200)], keys: [] };
	}
}

// --- Translations ---
export const LOCALES = ['fr', 'en', 'ar', 'uk'] as const;
const tables = Object.fromEntries(
	LOCALES.map((l) => [l, JSON.parse(readFileSync(`src/lib/i18n/locales/${l}.json`, 'utf8')) as unknown])
);
/** "locale:key" for each locale file where `key` is not a non-empty text. */
export function untranslated(keys: readonly string[]): string[] {
	return keys.flatMap((key) =>
		LOCALES.filter((l) => {
			const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tables[l]);
			return typeof text !== 'string' || text.trim() === '';
		}).map((l) => `${l}:${key}`)
	);
}

// --- The device ---
/**
 * A device in use: the default profile with one of everything (photos and voice notes as
 * Blobs, a coach's notes), another person's profile, an imported pack and recorded clips.
 * Kept short of what the valid files bring, so importing one of them visibly changes it.
 */
export async function seedDevice(db: AtoutsDB): Promise<void> {
	const mine = sampleProfile(DEFAULT_PROFILE_ID);
	await seed(db, { ...mine, answers: mine.answers.slice(0, 1) });
	const other = sampleProfile('bob', { evidence: false });
	await seed(db, { ...other, answers: [answer('bob-1', 'bob')] });
	// A pack imported before the shipped one grew ids it shares (so it could not be imported today).
	await saveImportedPack(db, PackSchema.parse(validPack()), 1_700_000_000_000);
	await saveClips(db, [
		clip('ui.action.listen', 'audio/ogg;codecs=opus', audio.ogg(), { lang: 'ar' }),
		clip('competence.cook.title', 'audio/mpeg', audio.mp3(), { lang: 'fr' })
	]);
}

/** A stored value as plain data to compare: Blobs and binary as bytes, dates as time, maps and sets as entries. */
async function plain(value: unknown): Promise<unknown> {
	if (value instanceof Blob) return { blob: value.type, hex: Buffer.from(await value.arrayBuffer()).toString('hex') };
	if (value instanceof ArrayBuffer) return { bytes: Buffer.from(value).toString('hex') };
	if (ArrayBuffer.isView(value))
		return { bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex') };
	if (value instanceof Date) return { date: value.getTime() };
	if (value instanceof Map || value instanceof Set) return { [value.constructor.name]: await plain([...value]) };
	if (Array.isArray(value)) return Promise.all(value.map(plain));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await plain(v)])));
}

/** Every store, every key and value, Blobs as their type and bytes. */
export async function snapshot(db: AtoutsDB): Promise<Record<string, unknown>> {
	const raw = db as unknown as IDBPDatabase;
	const out: Record<string, unknown> = {};
	for (const store of [...raw.objectStoreNames].sort()) {
		const tx = raw.transaction(store, 'readonly');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
		out[store] = await Promise.all(keys.map(async (key, i) => ({ key, value: await plain(values[i]) })));
	}
	return out;
}
