import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { applyRestore, createBackup, readBackup, type BackupError } from '../../../src/lib/share/backup';
import type { AtoutsDB } from '../../../src/lib/storage/db';
import { freshDB } from '../storage/db-helpers';
import { dump, plain, sampleProfile, seed } from '../../fixtures/hostile/backups/backup-fixtures';
import { HOSTILE_BACKUPS } from '../../fixtures/hostile/backups/hostile-backups';
import { counted } from '../resilience/fc-runs';

const RUNS = Number(process.env.FC_RUNS) || 200;
const ERRORS: BackupError[] = ['not-a-backup', 'too-large', 'newer-version', 'corrupt', 'unsafe'];
const NOW = Date.UTC(2026, 10, 28, 12);

let valid: Uint8Array;
let small: Uint8Array;
beforeAll(async () => {
	const db = await freshDB();
	await seed(db, sampleProfile('anna'));
	valid = new Uint8Array(await (await createBackup(db, 'anna', NOW)).arrayBuffer());
	const tiny = await freshDB();
	const { profile, answers, evidence } = sampleProfile('tiny');
	await seed(tiny, { profile, answers: answers.slice(0, 1), evidence: evidence.slice(3) });
	small = new Uint8Array(await (await createBackup(tiny, 'tiny', NOW)).arrayBuffer());
});

/** What the app does with a chosen file: read it, and restore only if it reads. */
async function restoreFile(db: AtoutsDB, file: Uint8Array | Blob) {
	const result = await readBackup(file);
	if (result.ok) await applyRestore(db, 'default', result.backup);
	return result;
}
const canonical = async (file: Uint8Array) => {
	const result = await readBackup(file);
	return result.ok ? JSON.stringify(await plain(result.backup)) : result.error;
};

describe('the hostile corpus', () => {
	it('the valid base backup reads', async () => {
		expect((await readBackup(valid)).ok).toBe(true);
		expect((await readBackup(small)).ok).toBe(true);
	});

	it.each(HOSTILE_BACKUPS.map((c) => [c.name, c] as const))('%s', async (_, hostile) => {
		const db = await freshDB();
		await seed(db, { ...sampleProfile('default'), answers: sampleProfile('default').answers.slice(0, 1) });
		const before = await dump(db);
		const result = await restoreFile(db, hostile.build(valid));
		expect(result).toEqual({ ok: false, error: hostile.expected });
		expect(await dump(db)).toEqual(before);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('damage is caught or harmless', () => {
	it('every cut-off length of a backup is refused', async () => {
		for (let length = 0; length < small.length; length++) {
			const result = await readBackup(small.subarray(0, length));
			expect(result.ok, `length ${length}`).toBe(false);
			expect(ERRORS).toContain(!result.ok && result.error);
		}
	});

	it('every flipped bit is refused or reads exactly the same backup', async () => {
		const original = await canonical(small);
		let refused = 0;
		for (let i = 0; i < small.length; i++)
			for (const mask of [0x01, 0x80]) {
				const damaged = small.slice();
				damaged[i]! ^= mask;
				const read = await canonical(damaged);
				if (ERRORS.includes(read as BackupError)) refused++;
				else expect(read, `byte ${i} ^ ${mask}`).toBe(original);
			}
		// Flips in a zip's cosmetic fields (dates, "made by") are harmless; most are caught.
		expect(refused).toBeGreaterThan(small.length);
	}, 30_000); // two reads per byte of a real backup: slow on a loaded 2-core machine
});

describe('readBackup never throws', () => {
	const isTyped = (result: Awaited<ReturnType<typeof readBackup>>) => result.ok || ERRORS.includes(result.error);

	it('on any bytes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
				expect(isTyped(await readBackup(bytes))).toBe(true);
				expect(isTyped(await readBackup(new Blob([bytes])))).toBe(true);
			}),
			counted(RUNS)
		);
	});

	it('on a valid backup with random bytes overwritten', async () => {
		const original = await canonical(small);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
				async (edits) => {
					const damaged = small.slice();
					for (const [at, byte] of edits) damaged[at % damaged.length] = byte;
					const read = await canonical(damaged);
					if (!ERRORS.includes(read as BackupError)) expect(read).toBe(original);
				}
			),
			counted(RUNS)
		);
	});

	it('on any JSON as backup.json', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (json) => {
				const zip = zipSync({ 'backup.json': strToU8(JSON.stringify(json) ?? '') });
				expect(isTyped(await readBackup(zip))).toBe(true);
			}),
			counted(RUNS)
		);
	});

	it('on anything that is not a file', async () => {
		for (const value of [null, undefined, 'backup.zip', 42, {}, new ArrayBuffer(8)])
			expect(await readBackup(value as unknown as Blob)).toEqual({ ok: false, error: 'not-a-backup' });
	});
});
