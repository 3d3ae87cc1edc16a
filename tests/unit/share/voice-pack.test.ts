import { describe, it, expect } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { MAX_CLIP_BYTES, type ClipRecord } from '../../../src/lib/domain/voice-clips';
import {
	VOICE_PACK_LIMITS,
	VoicePackManifestSchema,
	VoicePackRefusal,
	exportVoicePack,
	readVoicePack,
	voicePackFileName,
	type VoicePackProblem
} from '../../../src/lib/share/voice-pack';
import {
	CREATED_AT,
	RECORDED_AT,
	audio,
	baseClips,
	clip,
	everyTypeClips,
	methods,
	repack
} from '../../fixtures/hostile/voice-packs/voice-pack-fixtures';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** A clip as plain data, its Blob as type and bytes: equal means the same recording. */
const plain = async ({ blob, ...clip }: ClipRecord) => ({ ...clip, type: blob.type, data: [...(await bytesOf(blob))] });
const sortedByKey = (clips: ClipRecord[]) => [...clips].sort((a, b) => (a.key < b.key ? -1 : 1));
const packOf = async (clips: ClipRecord[], lang = 'fr') => bytesOf(await exportVoicePack(lang, clips, CREATED_AT));

async function refusal(lang: string, clips: ClipRecord[]): Promise<VoicePackProblem[]> {
	const error: unknown = await exportVoicePack(lang, clips, CREATED_AT).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(VoicePackRefusal);
	return (error as VoicePackRefusal).problems;
}

describe('a voice pack round trip', () => {
	it('gives back every clip of every type, bytes and all', async () => {
		const clips = everyTypeClips();
		const result = await readVoicePack(await packOf(clips));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.lang).toBe('fr');
		expect(result.createdAt).toBe(new Date(CREATED_AT).toISOString());
		expect(await Promise.all(result.clips.map(plain))).toEqual(await Promise.all(sortedByKey(clips).map(plain)));
	});

	it('reads a Blob, a Uint8Array and a Node Buffer alike', async () => {
		const blob = await exportVoicePack(
			'ar',
			baseClips().map((c) => ({ ...c, lang: 'ar' })),
			CREATED_AT
		);
		const bytes = await bytesOf(blob);
		for (const input of [blob, bytes, Buffer.from(bytes)]) {
			const result = await readVoicePack(input);
			expect(result.ok && result.lang).toBe('ar');
			expect(result.ok && result.clips.every((c) => c.lang === 'ar')).toBe(true);
		}
	});

	it('carries a clip of exactly the largest size', async () => {
		const result = await readVoicePack(await packOf([clip('ui.long', 'audio/webm', audio.webm(MAX_CLIP_BYTES))]));
		expect(result.ok && result.clips[0]!.bytes).toBe(MAX_CLIP_BYTES);
	});

	it('normalises MIME types on export', async () => {
		const odd = clip('ui.odd', 'Audio/WebM; codecs="opus"', audio.webm(), { durationMs: 0 });
		const result = await readVoicePack(await packOf([odd]));
		expect(result.ok && result.clips.map((c) => [c.mime, c.blob.type, c.durationMs])).toEqual([
			['audio/webm;codecs=opus', 'audio/webm;codecs=opus', 0]
		]);
	});

	it('dates clips by the pack when the manifest leaves recordedAt and durationMs out', async () => {
		const bare = repack(await packOf(baseClips()), (m) => {
			for (const c of m.clips) {
				delete c.recordedAt;
				delete c.durationMs;
			}
		});
		const result = await readVoicePack(bare);
		expect(result.ok && result.clips.map((c) => [c.recordedAt, 'durationMs' in c])).toEqual(
			Array(3).fill([new Date(CREATED_AT).toISOString(), false])
		);
	});

	it('reads a pack zipped again by another tool, clips deflated', async () => {
		const again = zipSync(unzipSync(await packOf(baseClips())), { level: 9 });
		expect(Object.values(methods(again))).toEqual([8, 8, 8, 8]);
		const result = await readVoicePack(again);
		expect(result.ok && result.clips.length).toBe(3);
	});
});

describe('the exported file', () => {
	it('is a zip of manifest.json first, then numbered clips stored as they are', async () => {
		const blob = await exportVoicePack('fr', baseClips(), CREATED_AT);
		expect(blob.type).toBe('application/zip');
		const zip = await bytesOf(blob);
		expect(methods(zip)).toEqual({
			'manifest.json': 8,
			'clips/0001.m4a': 0,
			'clips/0002.webm': 0,
			'clips/0003.wav': 0
		});
		const files = unzipSync(zip);
		expect(files['clips/0003.wav']).toEqual(audio.wav());
		const manifest: unknown = JSON.parse(strFromU8(files['manifest.json']!));
		expect(VoicePackManifestSchema.safeParse(manifest).success).toBe(true);
		expect(manifest).toEqual({
			format: 'atouts-voice-pack',
			version: 1,
			lang: 'fr',
			createdAt: '2026-11-28T12:00:00.000Z',
			clips: [
				{
					key: 'card.q-bus.answer.call',
					file: 'clips/0001.m4a',
					mime: 'audio/mp4',
					bytes: 700,
					durationMs: 1200,
					recordedAt: RECORDED_AT
				},
				{
					key: 'competence.cook.title',
					file: 'clips/0002.webm',
					mime: 'audio/webm;codecs=opus',
					bytes: 900,
					durationMs: 1200,
					recordedAt: RECORDED_AT
				},
				{
					key: 'ui.action.listen',
					file: 'clips/0003.wav',
					mime: 'audio/wav',
					bytes: 1644,
					durationMs: 100,
					recordedAt: RECORDED_AT
				}
			]
		});
	});

	it('is the same bytes whatever order the clips come in', async () => {
		const clips = everyTypeClips();
		expect(await packOf([...clips].reverse())).toEqual(await packOf(clips));
	});

	it('is named after the language and the local day', () => {
		expect(voicePackFileName('fr', new Date(2026, 2, 5, 23, 59))).toBe('atouts-voix-fr-2026-03-05.zip');
		expect(voicePackFileName('uk', new Date(2026, 11, 31).getTime())).toBe('atouts-voix-uk-2026-12-31.zip');
		expect(voicePackFileName('../x y', new Date(2026, 0, 1))).toBe('atouts-voix-xy-2026-01-01.zip');
		expect(voicePackFileName('', new Date(2026, 0, 1))).toBe('atouts-voix-2026-01-01.zip');
	});
});

describe('export refuses what a reader would refuse', () => {
	const base = () => baseClips();
	const webmKey = 'competence.cook.title';

	it.each([
		['a language the app does not have', 'de', base(), [{ code: 'unknownLanguage' }]],
		['no clips', 'fr', [], [{ code: 'noClips' }]],
		['a clip of another language', 'fr', [clip('ui.a', 'audio/ogg', audio.ogg(), { lang: 'en' })], 'wrongLanguage'],
		['a key with a slash', 'fr', [clip('ui/a', 'audio/ogg', audio.ogg())], 'badKey'],
		['a video type', 'fr', [clip('ui.a', 'video/webm', audio.webm())], 'badMime'],
		['a clip over the size limit', 'fr', [clip('ui.a', 'audio/webm', audio.webm(MAX_CLIP_BYTES + 1))], 'clipTooBig'],
		['a size that is not the Blob', 'fr', [clip('ui.a', 'audio/ogg', audio.ogg(), { bytes: 3 })], 'badClip'],
		['a date that is not ISO', 'fr', [clip('ui.a', 'audio/ogg', audio.ogg(), { recordedAt: 'today' })], 'badClip'],
		['PNG bytes labelled audio/ogg', 'fr', [clip('ui.a', 'audio/ogg', audio.png())], 'mimeMismatch']
	] as const)('%s', async (_, lang, clips, expected) => {
		const problems = typeof expected === 'string' ? [{ code: expected, key: clips[0]!.key }] : expected;
		expect(await refusal(lang, [...clips])).toEqual(problems);
	});

	it('names each clip at fault, once', async () => {
		const clips = [...base(), clip(webmKey, 'audio/ogg', audio.ogg()), clip('ui.x', 'text/plain', audio.ogg())];
		expect(await refusal('fr', clips)).toEqual([
			{ code: 'duplicateKey', key: webmKey },
			{ code: 'badMime', key: 'ui.x' }
		]);
	});

	it('refuses more clips than a pack may hold', async () => {
		const many = Array.from({ length: VOICE_PACK_LIMITS.clips + 1 }, (_, i) =>
			clip(`ui.k${i}`, 'audio/ogg', audio.ogg(40))
		);
		expect(await refusal('fr', many)).toEqual([{ code: 'tooManyClips' }]);
	});
});
