/**
 * Recorded clips of voice packs: one per language and audio key. They belong to the device
 * (a coach records them once for everyone), not to a profile, so wiping a profile keeps them.
 */
import { ClipRecordSchema, type ClipRecord } from '../domain/voice-clips';
import type { AtoutsDB } from './db';
import { guardWrite, putDurably } from './errors';
import { parseRows } from './quarantine';

async function rowsOfLanguage(db: AtoutsDB, lang: string) {
	const tx = db.transaction('clips', 'readonly');
	const index = tx.store.index('byLang');
	const [keys, values] = await Promise.all([index.getAllKeys(lang), index.getAll(lang), tx.done]);
	return keys.map((key, i) => ({ key: key as IDBValidKey, value: values[i] as unknown }));
}

/** Audio keys that have a clip in this language (keys only: no audio is read). */
export async function listClipKeys(db: AtoutsDB, lang: string): Promise<Set<string>> {
	const keys = await db.getAllKeysFromIndex('clips', 'byLang', lang);
	return new Set(keys.map((key) => (key as [string, string])[1]));
}

export async function listClips(db: AtoutsDB, lang: string): Promise<ClipRecord[]> {
	const clips = await parseRows(db, 'clips', ClipRecordSchema, await rowsOfLanguage(db, lang));
	return clips.sort((a, b) => a.key.localeCompare(b.key));
}

/** The clips for these keys, in order, or undefined when any one is missing or unreadable. */
export async function findClips(
	db: AtoutsDB,
	lang: string,
	keys: readonly string[]
): Promise<ClipRecord[] | undefined> {
	const tx = db.transaction('clips', 'readonly');
	const values = await Promise.all(keys.map((key) => tx.store.get([lang, key])));
	await tx.done;
	const rows = values.map((value, i) => ({ key: [lang, keys[i]!] as IDBValidKey, value }));
	if (rows.some((row) => row.value === undefined)) return undefined;
	const parsed = await parseRows(db, 'clips', ClipRecordSchema, rows);
	return parsed.length === keys.length ? parsed : undefined;
}

/** Stores clips in one durable transaction: all of them or none (a voice pack import, a recording). */
export async function saveClips(db: AtoutsDB, clips: readonly ClipRecord[]): Promise<void> {
	await putDurably(
		db,
		'clips',
		clips.map((clip) => ClipRecordSchema.parse(clip))
	);
}

export async function deleteClip(db: AtoutsDB, lang: string, key: string): Promise<void> {
	await guardWrite(() => db.delete('clips', [lang, key]));
}
