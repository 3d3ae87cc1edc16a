/**
 * What a voice pack's manifest.json is, the problems a pack can have, and how a manifest
 * from outside is judged. Every problem is a code the UI translates, with the clip key or
 * file it concerns, so a coach can see which recording to redo. Details come from the file
 * and are shown to people, so hidden controls are stripped from them and they are kept short.
 */
import * as z from 'zod/mini';
import { parseJsonSafely } from '../domain/safe-json';
import { hasUnsafeText, stripHiddenControls } from '../domain/text-safety';
import {
	AUDIO_KEY_PATTERN,
	CLIP_EXTENSIONS,
	MAX_CLIP_BYTES,
	MAX_CLIP_DURATION_MS,
	clipType,
	normaliseClipMime
} from '../domain/voice-clips';
import { SHIPPED_LANGUAGES } from '../i18n/languages';

export const VOICE_PACK_FORMAT = 'atouts-voice-pack';
export const VOICE_PACK_VERSION = 1;
export const VOICE_PACK_MANIFEST = 'manifest.json';
/** What a backup holds instead of a manifest (see backup-format.ts): the two files are easy to mix up. */
export const BACKUP_JSON = 'backup.json';
const BACKUP_FORMAT = 'atouts-backup';

const MiB = 1024 * 1024;
export const VOICE_PACK_LIMITS = {
	/** The file itself, refused before a byte of it is read. */
	packBytes: 200 * MiB,
	/** What its entries declare they unpack to, in all (each declaration is enforced while inflating). */
	unpackedBytes: 200 * MiB,
	/** Every prompt of every shipped pack and screen is well under 2 000 keys today. */
	clips: 5000,
	clipBytes: MAX_CLIP_BYTES,
	/** 5 000 clips with 160-character keys make a manifest of about 1.6 MB. */
	manifestBytes: 2 * MiB,
	manifestDepth: 8,
	/** Enough to see what is wrong, not a wall of 5 000 lines. */
	problems: 20
} as const;

export const VOICE_PACK_PROBLEMS = [
	'empty', // the file has no bytes
	'tooBig', // the file (or, on export, the pack) is over the size limit
	'notZip', // not a zip at all
	'corrupt', // a damaged zip: cut off, a failed CRC, an encrypted or unsupported entry
	'backupFile', // an Atouts backup, not a voice pack
	'noManifest', // a zip without manifest.json: another app's zip
	'badManifest', // manifest.json unreadable or not the right shape
	'otherFormat', // a manifest.json of another kind of file
	'newerVersion', // made by a newer Atouts
	'unknownLanguage', // a language this app does not have
	'noClips', // no recording at all
	'tooManyClips',
	'badKey', // a clip for something that is not an audio key
	'duplicateKey', // two clips for one key
	'wrongLanguage', // on export: a clip of another language
	'badClip', // a clip described wrongly (its size, duration or date)
	'badPath', // a file name that is not clips/<digits>.<ext>, or a file the manifest does not list
	'duplicateFile', // one file name twice
	'missingFile', // a listed clip whose file is not there
	'badMime', // a type that is not an allowed audio type
	'mimeMismatch', // the bytes (or the file's extension) are not the type the clip says
	'clipTooBig',
	'zipBomb', // entries unpack to more than allowed, or to more than they declare
	'unsafeText' // markup, hidden control characters or a prototype key in the manifest
] as const;
export type VoicePackProblemCode = (typeof VOICE_PACK_PROBLEMS)[number];

export interface VoicePackProblem {
	code: VoicePackProblemCode;
	/** The clip's audio key, as far as it could be read (shown: controls stripped, shortened). */
	key?: string;
	/** The file in the zip (shown too). */
	file?: string;
}

const shown = (text: string) => {
	const clean = stripHiddenControls(text);
	return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
};
/** A problem, with the key and file of `about` when they are strings. */
export function problem(code: VoicePackProblemCode, about: { key?: unknown; file?: unknown } = {}): VoicePackProblem {
	const out: VoicePackProblem = { code };
	if (typeof about.key === 'string') out.key = shown(about.key);
	if (typeof about.file === 'string') out.file = shown(about.file);
	return out;
}
/** The same problem found twice is listed once, and the list is capped. */
export function tidy(problems: VoicePackProblem[]): VoicePackProblem[] {
	const seen = new Set<string>();
	return problems
		.filter((p) => {
			const id = JSON.stringify([p.code, p.key, p.file]);
			return !seen.has(id) && seen.add(id);
		})
		.slice(0, VOICE_PACK_LIMITS.problems);
}

export const LANGUAGE_CODES = SHIPPED_LANGUAGES.map((l) => l.code);
/** Clip files are numbered, never named after keys: a name from a file never becomes a path. */
export const CLIP_FILE_PATTERN = /^clips\/\d{1,6}\.(?:webm|ogg|m4a|aac|mp3|wav)$/;
export const clipFileName = (index: number, mime: string) =>
	`clips/${String(index).padStart(4, '0')}.${CLIP_EXTENSIONS[clipType(mime) ?? 'audio/webm']}`;

export const ManifestClipSchema = z.object({
	key: z.string().check(z.regex(AUDIO_KEY_PATTERN)),
	file: z.string().check(z.regex(CLIP_FILE_PATTERN)),
	mime: z.string().check(z.refine((mime) => normaliseClipMime(mime) !== null)),
	/** Checked against the clip's size limit after parsing, to name the clip that is too big. */
	bytes: z.int().check(z.gte(1)),
	durationMs: z.optional(z.int().check(z.gte(0), z.lte(MAX_CLIP_DURATION_MS))),
	/** Optional: a pack made without it dates its clips by createdAt. */
	recordedAt: z.optional(z.iso.datetime())
});
export type ManifestClip = z.output<typeof ManifestClipSchema>;

export const VoicePackManifestSchema = z.object({
	format: z.literal(VOICE_PACK_FORMAT),
	version: z.literal(VOICE_PACK_VERSION),
	lang: z.enum(LANGUAGE_CODES),
	createdAt: z.iso.datetime(),
	clips: z.array(ManifestClipSchema).check(z.maxLength(VOICE_PACK_LIMITS.clips))
});
export type VoicePackManifest = z.output<typeof VoicePackManifestSchema>;

type Judged = { ok: true; manifest: VoicePackManifest } | { ok: false; problems: VoicePackProblem[] };
const refused = (...problems: VoicePackProblem[]): Judged => ({ ok: false, problems: tidy(problems) });
const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Walks a value, keys included, for markup or hidden controls. */
function hasUnsafeString(value: unknown): boolean {
	if (typeof value === 'string') return hasUnsafeText(value);
	if (value === null || typeof value !== 'object') return false;
	return Object.entries(value).some(([key, v]) => hasUnsafeText(key) || hasUnsafeString(v));
}

/** Which check a schema issue failed, by the field it is about. */
function schemaProblem(raw: Record<string, unknown>, path: readonly PropertyKey[]): VoicePackProblem {
	const [top, index, field] = path;
	if (top === 'lang' && typeof raw.lang === 'string') return problem('unknownLanguage');
	if (top !== 'clips' || typeof index !== 'number' || !Array.isArray(raw.clips)) return problem('badManifest');
	const clip: unknown = raw.clips[index];
	const about = isRecord(clip) ? clip : {};
	const codes: Partial<Record<PropertyKey, VoicePackProblemCode>> = { key: 'badKey', file: 'badPath', mime: 'badMime' };
	return problem(field === undefined ? 'badManifest' : (codes[field] ?? 'badClip'), about);
}

/** Checks between clips, once each clip has the right shape. */
function crossProblems(manifest: VoicePackManifest): VoicePackProblem[] {
	if (manifest.clips.length === 0) return [problem('noClips')];
	const problems: VoicePackProblem[] = [];
	const [keys, files] = [new Set<string>(), new Set<string>()];
	for (const clip of manifest.clips) {
		if (keys.has(clip.key)) problems.push(problem('duplicateKey', { key: clip.key }));
		if (files.has(clip.file)) problems.push(problem('duplicateFile', { file: clip.file }));
		keys.add(clip.key);
		files.add(clip.file);
		if (!clip.file.endsWith(`.${CLIP_EXTENSIONS[clipType(clip.mime)!]}`)) problems.push(problem('mimeMismatch', clip));
		if (clip.bytes > VOICE_PACK_LIMITS.clipBytes) problems.push(problem('clipTooBig', clip));
	}
	return problems;
}

/** Judges the bytes of a manifest.json: who made it first, then its safety, then its shape. */
export function judgeManifest(bytes: Uint8Array): Judged {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return refused(problem('badManifest'));
	}
	const limits = { maxChars: VOICE_PACK_LIMITS.manifestBytes, maxDepth: VOICE_PACK_LIMITS.manifestDepth };
	const json = parseJsonSafely(text, limits);
	if (!json.ok) return refused(problem(json.error === 'forbidden-key' ? 'unsafeText' : 'badManifest'));
	const raw = json.value;
	if (!isRecord(raw) || raw.format !== VOICE_PACK_FORMAT)
		return refused(problem(isRecord(raw) && raw.format === BACKUP_FORMAT ? 'backupFile' : 'otherFormat'));
	if (typeof raw.version === 'number' && raw.version > VOICE_PACK_VERSION) return refused(problem('newerVersion'));
	if (Array.isArray(raw.clips) && raw.clips.length > VOICE_PACK_LIMITS.clips) return refused(problem('tooManyClips'));
	// Before the schema: text with markup would also fail a pattern, and must be named for what it is.
	const { clips, ...rest } = raw;
	const unsafe = hasUnsafeString(rest) ? [problem('unsafeText')] : [];
	if (Array.isArray(clips))
		for (const clip of clips) if (hasUnsafeString(clip)) unsafe.push(problem('unsafeText', isRecord(clip) ? clip : {}));
	if (unsafe.length) return refused(...unsafe);
	const parsed = VoicePackManifestSchema.safeParse(raw);
	if (!parsed.success) return refused(...parsed.error.issues.map((issue) => schemaProblem(raw, issue.path)));
	const problems = crossProblems(parsed.data);
	return problems.length ? refused(...problems) : { ok: true, manifest: parsed.data };
}
