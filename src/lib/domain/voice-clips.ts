/**
 * A recorded clip: a coach's voice saying one prompt in one language. Shared by the clip
 * store, the studio and voice packs. A clip's bytes come from a microphone on one device
 * and may be played on another, so its type is checked against its first bytes, not only
 * its label: a player given a mislabelled or foreign file fails silently, or worse.
 */
import * as z from 'zod/mini';
import { LanguageSchema } from './content-schema';

const MiB = 1024 * 1024;
/** Opus at 32 kbit/s fills 2 MiB in about 8 minutes, AAC at 256 kbit/s in about one: any prompt fits. */
export const MAX_CLIP_BYTES = 2 * MiB;
export const MAX_CLIP_DURATION_MS = 10 * 60_000;
export const MAX_AUDIO_KEY_LENGTH = 160;

/**
 * Dot-separated words of letters, digits, `-` and `_`: every content key
 * (`card.q-bus.answer.call`) and UI key (`ui.action.listen`) fits, and no key can hold a
 * slash, `..`, a space or anything else that could climb out of a path or hide text.
 */
export const AUDIO_KEY_PATTERN = /^(?=.{1,160}$)[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
export const isAudioKey = (key: unknown): key is string => typeof key === 'string' && AUDIO_KEY_PATTERN.test(key);

/** What MediaRecorder produces across browsers (Chrome WebM, Firefox Ogg, Safari MP4), plus common imports. */
export const CLIP_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/aac', 'audio/mpeg', 'audio/wav'] as const;
export type ClipType = (typeof CLIP_TYPES)[number];
/** The extension of a clip's file in a voice pack, so the file opens in a media player if unzipped. */
export const CLIP_EXTENSIONS: Readonly<Record<ClipType, string>> = {
	'audio/webm': 'webm',
	'audio/ogg': 'ogg',
	'audio/mp4': 'm4a',
	'audio/aac': 'aac',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav'
};

const CODECS = /^[a-z0-9][a-z0-9.+-]{0,39}(?:,[a-z0-9][a-z0-9.+-]{0,39}){0,3}$/;

/**
 * `Audio/WebM; codecs="opus"` → `audio/webm;codecs=opus`, or null for a type a clip may not
 * have. Only `codecs` is kept (the one parameter a player uses), so one recording is never
 * labelled two ways.
 */
export function normaliseClipMime(mime: unknown): string | null {
	if (typeof mime !== 'string' || mime.length > 120) return null;
	const [base = '', ...params] = mime.toLowerCase().split(';');
	const type = CLIP_TYPES.find((t) => t === base.trim());
	if (!type) return null;
	let codecs: string | undefined;
	for (const param of params) {
		const match = /^\s*([a-z-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(param);
		if (!match) return null;
		if (match[1] !== 'codecs') continue;
		codecs = match[2]!.replace(/\s+/g, '');
		if (!CODECS.test(codecs)) return null;
	}
	return codecs ? `${type};codecs=${codecs}` : type;
}

/** The base type of a clip MIME type (`audio/webm;codecs=opus` → `audio/webm`), or null if not allowed. */
export function clipType(mime: unknown): ClipType | null {
	const normal = normaliseClipMime(mime);
	return normal ? (normal.split(';')[0] as ClipType) : null;
}

const has = (bytes: Uint8Array, offset: number, expected: string | readonly number[]) => {
	const codes = typeof expected === 'string' ? [...expected].map((ch) => ch.charCodeAt(0)) : expected;
	return bytes.length >= offset + codes.length && codes.every((code, i) => bytes[offset + i] === code);
};

/**
 * The container the first bytes show, or null if none is recognised. MPEG audio and AAC
 * (ADTS) both start with a frame sync of 11 or 12 one-bits; ADTS is told apart by its
 * layer bits, which are 00 there and never 00 in an MP3 frame.
 */
export function sniffClipType(bytes: Uint8Array): ClipType | null {
	if (has(bytes, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
	if (has(bytes, 0, 'OggS')) return 'audio/ogg';
	if (has(bytes, 4, 'ftyp')) return 'audio/mp4';
	if (has(bytes, 0, 'RIFF') && has(bytes, 8, 'WAVE')) return 'audio/wav';
	if (has(bytes, 0, 'ID3')) return 'audio/mpeg';
	const [b0, b1 = 0] = bytes;
	if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return 'audio/aac';
	if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'audio/mpeg';
	return null;
}

/** Whether the bytes are what the label says. AAC is also accepted in an MP4 container, as some recorders label it. */
export function clipBytesMatch(mime: string, bytes: Uint8Array): boolean {
	const type = clipType(mime);
	const sniffed = sniffClipType(bytes);
	return type !== null && (sniffed === type || (type === 'audio/aac' && sniffed === 'audio/mp4'));
}

/** Across realms too: jsdom's Blob and Node's are different classes, a clip may come from either. */
export function isBlob(value: unknown): value is Blob {
	if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
	const tag = Object.prototype.toString.call(value);
	return (tag === '[object Blob]' || tag === '[object File]') && typeof (value as Blob).size === 'number';
}

export interface ClipRecord {
	lang: string;
	/** The audio key the clip says: a content key or a `ui.` key. */
	key: string;
	/** Normalised (see normaliseClipMime); Safari records MP4/AAC, Chrome WebM/Opus. */
	mime: string;
	blob: Blob;
	/** The Blob's size, kept beside it so sizes can be summed without reading Blobs. */
	bytes: number;
	durationMs?: number;
	/** ISO 8601, UTC. */
	recordedAt: string;
}

export const ClipRecordSchema = z
	.object({
		lang: LanguageSchema,
		key: z.string().check(z.regex(AUDIO_KEY_PATTERN)),
		mime: z.string().check(z.refine((mime) => normaliseClipMime(mime) === mime, 'mime must be a normalised clip type')),
		blob: z.custom<Blob>(isBlob),
		bytes: z.int().check(z.gte(1), z.lte(MAX_CLIP_BYTES)),
		durationMs: z.optional(z.int().check(z.gte(0), z.lte(MAX_CLIP_DURATION_MS))),
		recordedAt: z.iso.datetime()
	})
	.check(
		z.refine((clip) => clip.blob.size === clip.bytes, { message: 'bytes must be the size of blob', path: ['bytes'] })
	) satisfies z.ZodMiniType<ClipRecord, unknown>;
