/**
 * Voice packs: one language's recorded clips in one file, to carry a coach's recordings
 * from the studio of one device to others. A zip holding manifest.json and numbered clip
 * files (clips/0001.webm…), so the clips can also be opened by hand; audio is stored, not
 * deflated, as it is compressed already. Reading one trusts nothing and is all or nothing:
 * every problem found is named, and no clip is returned unless the whole pack is sound.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
	ClipRecordSchema,
	clipBytesMatch,
	isAudioKey,
	isBlob,
	normaliseClipMime,
	type ClipRecord
} from '../domain/voice-clips';
import {
	BACKUP_JSON,
	LANGUAGE_CODES,
	VOICE_PACK_FORMAT,
	VOICE_PACK_LIMITS,
	VOICE_PACK_MANIFEST,
	VOICE_PACK_VERSION,
	clipFileName,
	judgeManifest,
	problem,
	tidy,
	type ManifestClip,
	type VoicePackManifest,
	type VoicePackProblem,
	type VoicePackProblemCode
} from './voice-pack-manifest';
import { listZipEntries, readZipEntry, ZipRefusal, type ZipEntry, type ZipFault } from './zip-reader';

export {
	VOICE_PACK_FORMAT,
	VOICE_PACK_LIMITS,
	VOICE_PACK_PROBLEMS,
	VOICE_PACK_VERSION,
	VoicePackManifestSchema,
	type VoicePackManifest,
	type VoicePackProblem,
	type VoicePackProblemCode
} from './voice-pack-manifest';

export const VOICE_PACK_MIME = 'application/zip';

export type ReadVoicePackResult =
	{ ok: true; lang: string; createdAt: string; clips: ClipRecord[] } | { ok: false; problems: VoicePackProblem[] };

/** Thrown by exportVoicePack: a pack that could not be read back is worse than none. */
export class VoicePackRefusal extends Error {
	readonly problems: VoicePackProblem[];
	constructor(problems: VoicePackProblem[]) {
		super(`voice pack: ${problems.map((p) => p.code).join(', ')}`);
		this.name = 'VoicePackRefusal';
		this.problems = problems;
	}
}

/** Local date: the day the coach made it, as they would look for it in their files. */
export function voicePackFileName(lang: string, date: Date | number = Date.now()): string {
	const d = new Date(date);
	const pad = (n: number) => String(n).padStart(2, '0');
	const code = lang.replace(/[^A-Za-z0-9-]/g, '').slice(0, 16);
	return `atouts-voix-${code ? `${code}-` : ''}${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.zip`;
}

/** DOS timestamps only cover 1980–2099; the zip's dates are cosmetic, createdAt is what counts. */
const zipDate = (now: number) => new Date(Math.min(Math.max(now, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30)));

/** What is wrong with one clip before a byte is zipped: the rules a reader applies. */
function clipProblem(lang: string, clip: ClipRecord, seen: Set<string>): VoicePackProblemCode | null {
	const mime = normaliseClipMime(clip.mime);
	if (!isAudioKey(clip.key)) return 'badKey';
	if (seen.has(clip.key)) return 'duplicateKey';
	seen.add(clip.key);
	if (clip.lang !== lang) return 'wrongLanguage';
	if (mime === null) return 'badMime';
	if (isBlob(clip.blob) && clip.blob.size > VOICE_PACK_LIMITS.clipBytes) return 'clipTooBig';
	return ClipRecordSchema.safeParse({ ...clip, mime }).success ? null : 'badClip';
}

function exportProblems(lang: string, clips: readonly ClipRecord[]): VoicePackProblem[] {
	if (!LANGUAGE_CODES.includes(lang)) return [problem('unknownLanguage')];
	if (clips.length === 0) return [problem('noClips')];
	if (clips.length > VOICE_PACK_LIMITS.clips) return [problem('tooManyClips')];
	const seen = new Set<string>();
	return tidy(
		clips.flatMap((clip) => {
			const code = clipProblem(lang, clip, seen);
			return code ? [problem(code, clip)] : [];
		})
	);
}

/**
 * A zip of the clips, sorted by key so the same recordings always give the same file.
 * Throws VoicePackRefusal (with the clips at fault) rather than write a pack that
 * readVoicePack would refuse.
 */
export async function exportVoicePack(
	lang: string,
	clips: readonly ClipRecord[],
	now: Date | number = Date.now()
): Promise<Blob> {
	const problems = exportProblems(lang, clips);
	if (problems.length) throw new VoicePackRefusal(problems);
	const sorted = [...clips].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const files: Zippable = {};
	const listed: ManifestClip[] = [];
	for (const [i, clip] of sorted.entries()) {
		const mime = normaliseClipMime(clip.mime)!;
		const bytes = new Uint8Array(await clip.blob.arrayBuffer());
		if (!clipBytesMatch(mime, bytes)) problems.push(problem('mimeMismatch', clip));
		const file = clipFileName(i + 1, mime);
		files[file] = [bytes, { level: 0 }];
		const { key, durationMs, recordedAt } = clip;
		listed.push({ key, file, mime, bytes: bytes.length, ...(durationMs !== undefined && { durationMs }), recordedAt });
	}
	if (problems.length) throw new VoicePackRefusal(tidy(problems));
	const time = new Date(now).getTime();
	const manifest: VoicePackManifest = {
		format: VOICE_PACK_FORMAT,
		version: VOICE_PACK_VERSION,
		lang,
		createdAt: new Date(time).toISOString(),
		clips: listed
	};
	const text = strToU8(JSON.stringify(manifest));
	const unpacked = listed.reduce((sum, clip) => sum + clip.bytes, text.length);
	if (text.length > VOICE_PACK_LIMITS.manifestBytes || unpacked > VOICE_PACK_LIMITS.unpackedBytes)
		throw new VoicePackRefusal([problem('tooBig')]);
	// The manifest first: whoever lists the zip sees at once what it is.
	const zip = zipSync({ [VOICE_PACK_MANIFEST]: [text, { level: 6 }], ...files }, { mtime: zipDate(time) });
	if (zip.length > VOICE_PACK_LIMITS.packBytes) throw new VoicePackRefusal([problem('tooBig')]);
	return new Blob([zip], { type: VOICE_PACK_MIME });
}

const ZIP_FAULTS = {
	notZip: 'notZip',
	corrupt: 'corrupt',
	tooManyEntries: 'tooManyClips',
	pastDeclaredSize: 'zipBomb'
} as const satisfies Record<ZipFault, VoicePackProblemCode>;
const zipProblem = (refusal: ZipRefusal, clip?: ManifestClip) =>
	problem(ZIP_FAULTS[refusal.fault], clip ?? { file: refusal.entry });
const refused = (problems: VoicePackProblem[]): ReadVoicePackResult => ({ ok: false, problems: tidy(problems) });

/** The zip's files against the manifest's list, by their declarations alone (nothing inflated yet). */
function entryProblems(manifest: VoicePackManifest, entries: Map<string, ZipEntry>): VoicePackProblem[] {
	const listed = new Set(manifest.clips.map((clip) => clip.file));
	const problems = [...entries.keys()]
		.filter((name) => name !== VOICE_PACK_MANIFEST && !listed.has(name))
		.map((name) => problem('badPath', { file: name }));
	for (const clip of manifest.clips) {
		const entry = entries.get(clip.file);
		if (!entry) problems.push(problem('missingFile', clip));
		else if (entry.originalSize > VOICE_PACK_LIMITS.clipBytes) problems.push(problem('clipTooBig', clip));
		else if (entry.originalSize !== clip.bytes) problems.push(problem('badClip', clip));
	}
	return problems;
}

function readClip(data: Uint8Array, entry: ZipEntry, clip: ManifestClip, manifest: VoicePackManifest) {
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = readZipEntry(data, entry);
	} catch (error) {
		if (error instanceof ZipRefusal) return zipProblem(error, clip);
		throw error;
	}
	if (!clipBytesMatch(clip.mime, bytes)) return problem('mimeMismatch', clip);
	const mime = normaliseClipMime(clip.mime)!;
	const record = ClipRecordSchema.safeParse({
		lang: manifest.lang,
		key: clip.key,
		mime,
		blob: new Blob([bytes], { type: mime }),
		bytes: bytes.length,
		...(clip.durationMs !== undefined && { durationMs: clip.durationMs }),
		recordedAt: clip.recordedAt ?? manifest.createdAt
	});
	return record.success ? record.data : problem('badClip', clip);
}

/** Order matters: what the file is, then what it would cost to open, then what it says, then its clips. */
function readPack(data: Uint8Array): ReadVoicePackResult {
	const list = listZipEntries(data, VOICE_PACK_LIMITS.clips + 1);
	const entries = new Map<string, ZipEntry>();
	// Two entries with one name read differently in different tools: refuse the ambiguity.
	const twice = list.filter((entry) => entries.has(entry.name) || !entries.set(entry.name, entry));
	if (twice.length) return refused(twice.map((entry) => problem('duplicateFile', { file: entry.name })));
	const manifestEntry = entries.get(VOICE_PACK_MANIFEST);
	if (!manifestEntry) return refused([problem(entries.has(BACKUP_JSON) ? 'backupFile' : 'noManifest')]);
	const declared = list.reduce((sum, entry) => sum + entry.originalSize, 0);
	if (declared > VOICE_PACK_LIMITS.unpackedBytes) return refused([problem('zipBomb')]);
	if (manifestEntry.originalSize > VOICE_PACK_LIMITS.manifestBytes) return refused([problem('badManifest')]);
	const judged = judgeManifest(readZipEntry(data, manifestEntry));
	if (!judged.ok) return refused(judged.problems);
	const { manifest } = judged;
	const problems = entryProblems(manifest, entries);
	if (problems.length) return refused(problems);
	const clips: ClipRecord[] = [];
	for (const clip of manifest.clips) {
		const read = readClip(data, entries.get(clip.file)!, clip, manifest);
		if ('code' in read) problems.push(read);
		else clips.push(read);
	}
	return problems.length ? refused(problems) : { ok: true, lang: manifest.lang, createdAt: manifest.createdAt, clips };
}

/** Never throws and never hangs: whatever the file holds, the answer is its clips or its problems. */
export async function readVoicePack(input: Blob | Uint8Array): Promise<ReadVoicePackResult> {
	try {
		const isBytes = input instanceof Uint8Array;
		if (!isBytes && !isBlob(input)) return refused([problem('notZip')]);
		const size = isBytes ? input.length : input.size;
		if (size === 0) return refused([problem('empty')]);
		// Checked before reading a byte: a huge file is refused without filling memory.
		if (size > VOICE_PACK_LIMITS.packBytes) return refused([problem('tooBig')]);
		return readPack(isBytes ? input : new Uint8Array(await input.arrayBuffer()));
	} catch (error) {
		// Anything unforeseen in a hostile file is damage, not a crash.
		return refused([error instanceof ZipRefusal ? zipProblem(error) : problem('corrupt')]);
	}
}
