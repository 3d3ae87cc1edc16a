/**
 * What a backup file is, and how one from outside is read without trusting it. The zip's
 * central directory is walked here rather than by fflate's unzipSync because unzipSync
 * neither checks CRC-32 (a flipped bit in a photo would be restored silently) nor bounds
 * what an entry inflates to (it trusts the declared size and keeps looping past it). So
 * every name and declared size is checked before anything is inflated, entries inflate in
 * small steps that stop once they outgrow their declaration, and the CRC is then checked.
 */
import { Inflate } from 'fflate';
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import {
	AnswerRecordSchema,
	CoachNoteSchema,
	EvidenceRecordSchema,
	ExperiencePickSchema,
	NextStepSchema,
	ProfileSchema,
	RoundRecordSchema,
	SettingsRecordSchema,
	VisibilityRecordSchema,
	type EvidenceRecord,
	type Profile
} from '../domain/records';
import { parseJsonSafely } from '../domain/safe-json';
import { hasUnsafeText } from '../domain/text-safety';
import { PROFILE_OWNED_STORES } from '../storage/db';

export const BACKUP_FORMAT = 'atouts-backup';
/**
 * Version 2 adds `coachNotes` and `nextSteps` (a coach's review, part of the person's
 * portfolio) and the recorded first name as a file. Both arrays default to [], so a
 * version 1 backup restores unchanged. A backup is written as version 1 when it holds none of
 * these, so an Atouts that predates them can still restore it; one that holds some says
 * "newer version" there rather than dropping them without a word.
 */
export const BACKUP_VERSION = 2;
export const BACKUP_MIME = 'application/zip';
export const BACKUP_JSON = 'backup.json';
const MB = 1024 * 1024;
export const BACKUP_LIMITS = { file: 200 * MB, total: 400 * MB, entry: 50 * MB, entries: 20_000, depth: 16 };

export type BackupError = 'not-a-backup' | 'too-large' | 'newer-version' | 'corrupt' | 'unsafe';

/** Thrown while reading (or by createBackup for an unrestorable size); readBackup turns it into a result. */
export class BackupRefusal extends Error {
	readonly error: BackupError;
	constructor(error: BackupError) {
		super(`backup: ${error}`);
		this.name = 'BackupRefusal';
		this.error = error;
	}
}
function refuse(error: BackupError): never {
	throw new BackupRefusal(error);
}

/**
 * Built when a backup is first read (restore), not when the module loads: making a backup
 * imports this file too, and building it (with every record schema it holds) was part of the
 * backup's longest task on a budget phone.
 */
export const BackupJsonSchema = lazySchema(() => {
	const FileSchema = z.string().check(z.maxLength(200));
	const EvidenceEntrySchema = z.extend(z.omit(EvidenceRecordSchema, { blob: true }), { file: FileSchema });
	/** The profile, its recorded first name (a Blob) travelling as a file of the zip. */
	const ProfileEntrySchema = z.extend(z.omit(ProfileSchema, { nameClip: true }), {
		nameClip: z.optional(z.object({ file: FileSchema, mime: EvidenceRecordSchema.shape.mime }))
	});
	return z.object({
		format: z.literal(BACKUP_FORMAT),
		version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
		createdAt: z.int().check(z.gte(0)),
		app: z.literal('atouts'),
		dbVersion: z.int().check(z.gte(1)),
		profile: ProfileEntrySchema,
		settings: z.array(SettingsRecordSchema),
		answers: z.array(AnswerRecordSchema),
		rounds: z.array(RoundRecordSchema),
		picks: z.array(ExperiencePickSchema),
		visibility: z.array(VisibilityRecordSchema),
		evidence: z.array(EvidenceEntrySchema),
		coachNotes: z._default(z.array(CoachNoteSchema), []),
		nextSteps: z._default(z.array(NextStepSchema), [])
	});
});
export type BackupJson = z.output<typeof BackupJsonSchema>;
export interface ParsedBackup extends Omit<BackupJson, 'evidence' | 'profile'> {
	profile: Profile;
	evidence: EvidenceRecord[];
}
export type RecordStore = (typeof PROFILE_OWNED_STORES)[number];

const KEY_FIELDS = {
	settings: 'key',
	answers: 'id',
	rounds: 'id',
	picks: 'experienceId',
	evidence: 'id',
	visibility: 'competence',
	coachNotes: 'competence',
	nextSteps: 'id'
} as const satisfies Record<RecordStore, string>;
/** The key of a record among one profile's records of a store (its primary key minus profileId). */
export const ownKey = (store: RecordStore, record: Record<string, unknown>) => String(record[KEY_FIELDS[store]]);

// --- Evidence files ---
// media type → extension of its file in the zip
const EXTENSIONS = new Map(
	'image/jpeg:jpg image/png:png image/webp:webp audio/webm:webm audio/mp4:m4a audio/ogg:ogg audio/mpeg:mp3 audio/aac:aac'
		.split(' ')
		.map((pair) => pair.split(':') as [string, string])
);
const baseType = (mime: string) => mime.split(';')[0]!.trim().toLowerCase();
export const evidenceFileName = (id: string, mime: string) =>
	`evidence/${id}.${EXTENSIONS.get(baseType(mime)) ?? 'bin'}`;
export const nameClipFileName = (mime: string) => `profile/name.${EXTENSIONS.get(baseType(mime)) ?? 'bin'}`;

const at = (bytes: Uint8Array, offset: number, expected: string | number[]) =>
	[...(typeof expected === 'string' ? expected : String.fromCharCode(...expected))].every(
		(ch, i) => bytes[offset + i] === ch.charCodeAt(0)
	);
/** Signatures that name a type unambiguously, with the media types those bytes may be labelled as. */
const SIGNATURES: [RegExp, (b: Uint8Array) => boolean][] = [
	[/^image\/p?jpeg$/, (b) => at(b, 0, [0xff, 0xd8, 0xff])],
	[/^image\/png$/, (b) => at(b, 0, [0x89, 0x50, 0x4e, 0x47])],
	[/^image\/webp$/, (b) => at(b, 0, 'RIFF') && at(b, 8, 'WEBP')],
	[/^audio\/(x-)?(webm|matroska)$/, (b) => at(b, 0, [0x1a, 0x45, 0xdf, 0xa3])],
	[/^(audio\/(x-)?(mp4|m4a|aac)|image\/(heic|heif|avif))$/, (b) => at(b, 4, 'ftyp')],
	[/^audio\/(ogg|opus|vorbis)$/, (b) => at(b, 0, 'OggS')],
	[/^audio\/(mpeg|mp3)$/, (b) => at(b, 0, 'ID3')]
];
/**
 * SVG and markup can run script once opened from a blob: URL (same origin as the app), so
 * they are refused outright. Bytes a signature recognises must agree with the label; bytes
 * none recognises are kept, so an unusual recorder's output still restores.
 */
export function checkMedia(mime: string, bytes: Uint8Array): 'ok' | 'corrupt' | 'unsafe' {
	const type = baseType(mime);
	const head = String.fromCharCode(...bytes.subarray(0, 64)).replace(/^[\s\u00ef\u00bb\u00bf]+/, '');
	if (/svg|xml|html/.test(type) || /^<\s*[a-z!?/]/i.test(head)) return 'unsafe';
	const known = SIGNATURES.find(([, test]) => test(bytes));
	return !known || known[0].test(type) ? 'ok' : 'corrupt';
}

// --- What the records say ---
/** Identifiers become IndexedDB keys and zip entry names: plain characters only. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
function idsOf(b: BackupJson): string[] {
	const ids = [b.profile.id, ...recordsOf(b).map((r) => r.profileId)];
	for (const a of b.answers) {
		ids.push(a.id, a.roundId, a.cardId, ...(a.packId ? [a.packId] : []));
		if (a.value.kind === 'situation') ids.push(a.value.answerId, ...Object.keys(a.value.weights));
		else ids.push(a.value.competence);
	}
	for (const r of b.rounds) ids.push(r.id, ...r.cardIds);
	for (const p of b.picks) ids.push(p.experienceId, ...Object.keys(p.followUps), ...Object.values(p.followUps));
	for (const v of b.visibility) ids.push(v.competence);
	for (const e of b.evidence) ids.push(e.id, e.competence);
	for (const n of b.coachNotes) ids.push(n.competence);
	for (const s of b.nextSteps) ids.push(s.id);
	return ids;
}
const recordsOf = (b: BackupJson) => PROFILE_OWNED_STORES.flatMap((s): { profileId: string }[] => b[s]);
/** Walks the parsed backup (so only fields that will be stored), keys included. */
function hasUnsafeString(value: unknown): boolean {
	if (typeof value === 'string') return hasUnsafeText(value);
	if (value === null || typeof value !== 'object') return false;
	return Object.entries(value).some(([key, v]) => hasUnsafeText(key) || hasUnsafeString(v));
}

// --- The zip container ---
export const unsafeEntryName = (name: string) =>
	!name ||
	/[\\\t\n\r]|^[a-z]:/i.test(name) ||
	hasUnsafeText(name) || // other control characters, bidi overrides, markup
	name.split('/').some((part, i, parts) => part === '.' || part === '..' || (part === '' && i < parts.length - 1));

type Entry = Record<'method' | 'crc' | 'size' | 'originalSize' | 'offset', number>;
interface Directory {
	entries: Map<string, Entry>;
	/** Where the central directory starts: no entry's data may run past it. */
	dataEnd: number;
}
/** Little-endian reads that throw (a RangeError, so "corrupt") past the end instead of reading undefined. */
function reader(data: Uint8Array) {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	return { u16: (at: number) => view.getUint16(at, true), u32: (at: number) => view.getUint32(at, true) };
}

function readDirectory(data: Uint8Array): Directory {
	const { u16, u32 } = reader(data);
	const floor = Math.max(0, data.length - 22 - 0xffff); // the end record sits within its comment's reach
	let end = data.length - 22;
	while (end >= floor && u32(end) !== 0x06054b50) end--;
	// A cut-off zip still starts like one: damaged, not someone else's file.
	if (end < floor) refuse(data.length >= 4 && u32(0) === 0x04034b50 ? 'corrupt' : 'not-a-backup');
	const [count, cdSize, cdStart] = [u16(end + 10), u32(end + 12), u32(end + 16)];
	// ZIP64 markers only appear in archives far beyond the caps.
	if (count === 0xffff || cdStart === 0xffffffff || count > BACKUP_LIMITS.entries) refuse('too-large');
	const singleDisk = u32(end + 4) === 0 && u16(end + 8) === count;
	if (!singleDisk || cdStart + cdSize !== end || end + 22 + u16(end + 20) !== data.length) refuse('corrupt');
	const entries = new Map<string, Entry>();
	let total = 0;
	let p = cdStart;
	for (let i = 0; i < count; i++) {
		if (u32(p) !== 0x02014b50) refuse('corrupt');
		const entry = {
			method: u16(p + 10),
			crc: u32(p + 16),
			size: u32(p + 20),
			originalSize: u32(p + 24),
			offset: u32(p + 42)
		};
		const [flags, nameLength, { method, size, originalSize }] = [u16(p + 8), u16(p + 28), entry];
		const name = new TextDecoder().decode(data.subarray(p + 46, p + 46 + nameLength));
		p += 46 + nameLength + u16(p + 30) + u16(p + 32);
		if (p > end) refuse('corrupt');
		// Two entries with one name read differently in different tools: refuse the ambiguity.
		if (unsafeEntryName(name) || entries.has(name)) refuse('unsafe');
		if (flags & 1 || (method !== 0 && method !== 8) || (method === 0 && size !== originalSize)) refuse('corrupt');
		if (Math.max(size, originalSize) > BACKUP_LIMITS.entry || (total += originalSize) > BACKUP_LIMITS.total)
			refuse('too-large');
		entries.set(name, entry);
	}
	if (p !== end) refuse('corrupt');
	return { entries, dataEnd: cdStart };
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
	for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
	return n;
});
function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** 4 KiB of deflate inflates to at most ~4 MB: the most a lying entry can cost before it is stopped. */
const STEP = 4 * 1024;
function extract(data: Uint8Array, dir: Directory, entry: Entry): Uint8Array<ArrayBuffer> {
	const { u16, u32 } = reader(data);
	if (u32(entry.offset) !== 0x04034b50) refuse('corrupt');
	const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
	if (start + entry.size > dir.dataEnd) refuse('corrupt');
	const raw = data.subarray(start, start + entry.size);
	const out = entry.method === 0 ? raw.slice() : new Uint8Array(entry.originalSize);
	if (entry.method === 8) {
		let length = 0;
		const inflater = new Inflate((chunk) => {
			if (length + chunk.length > out.length) refuse('corrupt');
			out.set(chunk, length);
			length += chunk.length;
		});
		for (let i = 0; i === 0 || i < raw.length; i += STEP)
			inflater.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
		if (length !== out.length) refuse('corrupt');
	}
	if (crc32(out) !== entry.crc) refuse('corrupt');
	return out;
}

/** Reads a whole backup file or throws BackupRefusal (anything else thrown means corrupt). */
export function parseBackup(data: Uint8Array): ParsedBackup {
	const dir = readDirectory(data);
	const jsonEntry = dir.entries.get(BACKUP_JSON) ?? refuse('not-a-backup');
	const text = new TextDecoder('utf-8', { fatal: true }).decode(extract(data, dir, jsonEntry));
	const json = parseJsonSafely(text, { maxChars: BACKUP_LIMITS.entry, maxDepth: BACKUP_LIMITS.depth });
	if (!json.ok)
		refuse(json.error === 'forbidden-key' ? 'unsafe' : json.error === 'too-large' ? 'too-large' : 'corrupt');
	const head = (json.ok && json.value) as Partial<Record<string, unknown>> | null;
	if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT || head.app !== 'atouts')
		refuse('not-a-backup');
	if (typeof head.version === 'number' && head.version > BACKUP_VERSION) refuse('newer-version');
	const parsed = BackupJsonSchema.safeParse(head);
	const backup = parsed.success ? parsed.data : refuse('corrupt');
	if (hasUnsafeString(backup) || !idsOf(backup).every((id) => ID.test(id))) refuse('unsafe');
	if (recordsOf(backup).some((r) => r.profileId !== backup.profile.id)) refuse('corrupt');
	// Duplicate keys would be written twice and counted twice by the preview.
	if (PROFILE_OWNED_STORES.some((s) => new Set(backup[s].map((r) => ownKey(s, r))).size !== backup[s].length))
		refuse('corrupt');
	const media = (file: string, expectedFile: string, mime: string) => {
		const entry = dir.entries.get(file);
		if (!entry || file !== expectedFile) return refuse('corrupt');
		const bytes = extract(data, dir, entry);
		const check = checkMedia(mime, bytes);
		return check === 'ok' ? new Blob([bytes], { type: mime }) : refuse(check);
	};
	const evidence = backup.evidence.map(({ file, ...record }) =>
		EvidenceRecordSchema.parse({ ...record, blob: media(file, evidenceFileName(record.id, record.mime), record.mime) })
	);
	const { nameClip, ...profile } = backup.profile;
	const clip = nameClip && media(nameClip.file, nameClipFileName(nameClip.mime), nameClip.mime);
	return { ...backup, profile: ProfileSchema.parse({ ...profile, ...(clip ? { nameClip: clip } : {}) }), evidence };
}
