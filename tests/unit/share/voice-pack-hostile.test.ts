import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { hasHiddenControl } from '../../../src/lib/domain/text-safety';
import { createBackup } from '../../../src/lib/share/backup';
import {
	VOICE_PACK_LIMITS,
	VOICE_PACK_PROBLEMS,
	exportVoicePack,
	readVoicePack,
	type ReadVoicePackResult
} from '../../../src/lib/share/voice-pack';
import { freshDB } from '../storage/db-helpers';
import { sampleProfile, seed } from '../../fixtures/hostile/backups/backup-fixtures';
import { HOSTILE_VOICE_PACKS, type Sources } from '../../fixtures/hostile/voice-packs/hostile-voice-packs';
import { CREATED_AT, audio, baseClips, clip, repack } from '../../fixtures/hostile/voice-packs/voice-pack-fixtures';

const RUNS = Number(process.env.FC_RUNS) || 200;
/** Only exportVoicePack can meet a clip of another language: a pack holds one language. */
const EXPORT_ONLY = new Set(['wrongLanguage']);

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
let sources: Sources;
let small: Uint8Array;
let baseline: string;
beforeAll(async () => {
	const db = await freshDB();
	await seed(db, sampleProfile('anna'));
	sources = {
		pack: await bytesOf(await exportVoicePack('fr', baseClips(), CREATED_AT)),
		backup: await bytesOf(await createBackup(db, 'anna', CREATED_AT))
	};
	small = await bytesOf(await exportVoicePack('fr', [clip('ui.a', 'audio/ogg', audio.ogg(60))], CREATED_AT));
	baseline = await canonical(small);
});

/** A read as comparable text: the clips with their bytes, or the problems. */
async function canonical(file: Uint8Array): Promise<string> {
	const result = await readVoicePack(file);
	if (!result.ok) return JSON.stringify(result.problems);
	const clips = await Promise.all(
		result.clips.map(async ({ blob, ...rest }) => ({
			...rest,
			type: blob.type,
			hex: Buffer.from(await bytesOf(blob)).toString('hex')
		}))
	);
	return JSON.stringify({ lang: result.lang, createdAt: result.createdAt, clips });
}

/** A refusal is a short list of known codes, with details safe to show. */
function expectTyped(result: ReadVoicePackResult) {
	if (result.ok) return;
	expect(result.problems.length).toBeGreaterThan(0);
	expect(result.problems.length).toBeLessThanOrEqual(VOICE_PACK_LIMITS.problems);
	for (const p of result.problems) {
		expect(VOICE_PACK_PROBLEMS).toContain(p.code);
		for (const detail of [p.key, p.file]) if (detail !== undefined) expect(hasHiddenControl(detail)).toBe(false);
	}
}

describe('the hostile corpus', () => {
	it('the valid base pack reads', async () => {
		const result = await readVoicePack(sources.pack);
		expect(result.ok && result.clips.map((c) => c.key)).toEqual([
			'card.q-bus.answer.call',
			'competence.cook.title',
			'ui.action.listen'
		]);
	});

	it.each(HOSTILE_VOICE_PACKS.map((c) => [c.name, c] as const))('%s', async (_, hostile) => {
		const result = await readVoicePack(hostile.build(sources));
		expect(result).toEqual({ ok: false, problems: hostile.expected });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('names every problem a pack can have', () => {
		const named = new Set(HOSTILE_VOICE_PACKS.flatMap((c) => c.expected.map((p) => p.code)));
		expect(VOICE_PACK_PROBLEMS.filter((code) => !named.has(code) && !EXPORT_ONLY.has(code))).toEqual([]);
	});

	it('lists every broken clip, not only the first', async () => {
		const broken = repack(sources.pack, (m) => {
			m.clips[0].mime = 'text/plain';
			m.clips[2].key = 'a b';
		});
		expect(await readVoicePack(broken)).toEqual({
			ok: false,
			problems: [
				{ code: 'badMime', key: 'card.q-bus.answer.call', file: 'clips/0001.m4a' },
				{ code: 'badKey', key: 'a b', file: 'clips/0003.wav' }
			]
		});
	});

	it('caps the list of problems', async () => {
		const many = repack(sources.pack, (m) => {
			m.clips = Array.from({ length: 100 }, (_, i) => ({ ...m.clips[0], key: `bad key ${i}` }));
		});
		const result = await readVoicePack(many);
		expect(!result.ok && result.problems.length).toBe(VOICE_PACK_LIMITS.problems);
	});
});

describe('damage is caught or harmless', () => {
	it('every cut-off length of a pack is refused', async () => {
		for (let length = 0; length < small.length; length++) {
			const result = await readVoicePack(small.subarray(0, length));
			expect(result.ok, `length ${length}`).toBe(false);
			expectTyped(result);
		}
	});

	it('every flipped bit is refused or reads exactly the same pack', async () => {
		let refused = 0;
		for (let i = 0; i < small.length; i++) {
			const damaged = small.slice();
			damaged[i]! ^= 0x01;
			const read = await canonical(damaged);
			if (read.startsWith('[')) refused++;
			else expect(read, `byte ${i}`).toBe(baseline);
		}
		// Flips in a zip's cosmetic fields (dates, "made by") are harmless; most are caught.
		expect(refused).toBeGreaterThan(small.length / 2);
	});
});

describe('readVoicePack never throws', () => {
	it('on any bytes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
				expectTyped(await readVoicePack(bytes));
				expectTyped(await readVoicePack(new Blob([bytes])));
			}),
			{ numRuns: RUNS }
		);
	});

	it('on any bytes after a zip signature', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
				const result = await readVoicePack(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]));
				expect(result.ok).toBe(false);
				expectTyped(result);
			}),
			{ numRuns: RUNS }
		);
	});

	it('on a valid pack with random bytes overwritten', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
				async (edits) => {
					const damaged = small.slice();
					for (const [at, byte] of edits) damaged[at % damaged.length] = byte;
					const read = await canonical(damaged);
					if (!read.startsWith('[')) expect(read).toBe(baseline);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('on any JSON as manifest.json', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (json) => {
				const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(json) ?? '') });
				expectTyped(await readVoicePack(zip));
			}),
			{ numRuns: RUNS }
		);
	});

	it('on manifests that look right with any field values', async () => {
		const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.jsonValue());
		const clipLike = fc.record({
			key: anything,
			file: anything,
			mime: anything,
			bytes: anything,
			durationMs: anything
		});
		await fc.assert(
			fc.asyncProperty(fc.array(clipLike, { maxLength: 4 }), anything, async (clips, lang) => {
				const manifest = { format: 'atouts-voice-pack', version: 1, lang, createdAt: '2026-01-01T00:00:00Z', clips };
				const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'clips/0001.webm': audio.webm() });
				const result = await readVoicePack(zip);
				expect(result.ok).toBe(false);
				expectTyped(result);
			}),
			{ numRuns: RUNS }
		);
	});

	it('on anything that is not a file', async () => {
		for (const value of [null, undefined, 'pack.zip', 42, {}, new ArrayBuffer(8), [1, 2]])
			expect(await readVoicePack(value as unknown as Blob)).toEqual({ ok: false, problems: [{ code: 'notZip' }] });
	});
});
