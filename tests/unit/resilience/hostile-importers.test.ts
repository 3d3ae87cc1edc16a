/**
 * One hostile corpus against every importer (issue 9): the generic inputs of
 * tests/fixtures/hostile/generic.ts, plus the backup and voice-pack corpora, each through
 * the importer's full path into a seeded database. For every input: a typed error, shown
 * with a translation in all four locale files, and every store unchanged, byte for byte.
 * Writes reports/resilience-hostile.json (inputs tried and rejected cleanly, per importer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { openAtoutsDB, type AtoutsDB } from '../../../src/lib/storage/db';
import {
	CATEGORIES,
	genericCorpus,
	validFiles,
	type HostileInput,
	type ImporterName
} from '../../fixtures/hostile/generic';
import { HOSTILE_BACKUPS } from '../../fixtures/hostile/backups/hostile-backups';
import { HOSTILE_VOICE_PACKS } from '../../fixtures/hostile/voice-packs/hostile-voice-packs';
import { APP_URL } from '../../fixtures/hostile/generic/link';
import { rewriteZip } from '../../fixtures/hostile/generic/zip';
import { RESILIENCE_REPORTS, type HostileReport } from '../../../scripts/lib/resilience-reports';
import { KNOWN_CODES, runImport, seedDevice, snapshot, untranslated } from './importers';

const IMPORTER_NAMES: ImporterName[] = ['pack', 'backup', 'voicePack', 'link', 'qr'];

interface Case extends Omit<HostileInput, 'category'> {
	category: HostileInput['category'] | 'corpus';
	source: 'generic' | 'backup corpus' | 'voice-pack corpus';
	/** The corpora name the exact codes; generic inputs only need a typed, translated one. */
	expected?: string[];
}

const valid = await validFiles();
const generic = genericCorpus(valid);
const CASES: Record<ImporterName, Case[]> = {
	pack: generic.pack.map((c) => ({ ...c, source: 'generic' })),
	backup: [
		...generic.backup.map((c): Case => ({ ...c, source: 'generic' })),
		...HOSTILE_BACKUPS.map((c): Case => ({
			name: c.name,
			category: 'corpus',
			source: 'backup corpus',
			expected: [c.expected],
			build: () => c.build(valid.backup)
		}))
	],
	voicePack: [
		...generic.voicePack.map((c): Case => ({ ...c, source: 'generic' })),
		...HOSTILE_VOICE_PACKS.map((c): Case => ({
			name: c.name,
			category: 'corpus',
			source: 'voice-pack corpus',
			expected: c.expected.map((p) => p.code),
			build: () => c.build({ pack: valid.voicePack, backup: valid.backup })
		}))
	],
	link: generic.link.map((c) => ({ ...c, source: 'generic' })),
	qr: generic.qr.map((c) => ({ ...c, source: 'generic' }))
};
const VALID: Record<ImporterName, () => Uint8Array | string> = {
	pack: () => valid.pack,
	backup: () => valid.backup,
	voicePack: () => valid.voicePack,
	link: () => valid.link,
	qr: () => `${APP_URL}share${valid.link}`
};

/**
 * Inputs an importer still lets in: a pack's free texts (licence, author, the UNVERIFIED
 * labels, ROME labels and codes) are not checked for markup and bidi overrides the way its
 * strings are (pack-validator.ts checks only \`strings\`). Each is a bug to fix in src; until
 * then the test asserts it still gets in, so the fix fails here and empties this list.
 */
/** Inputs known to get through (none now: the pack's free texts are checked since this corpus found them). */
const KNOWN_GAPS = new Set<string>([]);

interface Result {
	importer: ImporterName;
	source: Case['source'];
	category: string;
	name: string;
	clean: boolean;
	knownGap: boolean;
	codes: string[];
}
const results: Result[] = [];

let opened = 0;
async function seededDevice(): Promise<AtoutsDB> {
	const db = await openAtoutsDB({ name: `hostile-importers-${process.pid}-${++opened}` });
	await seedDevice(db);
	return db;
}

describe.each(IMPORTER_NAMES)('%s importer', (importer) => {
	let db: AtoutsDB;
	beforeAll(async () => void (db = await seededDevice()));
	afterAll(() => db.close());

	it('imports its valid file, and that changes the database (the control)', async () => {
		const scratch = await seededDevice();
		const before = await snapshot(scratch);
		expect(await runImport(importer, scratch, VALID[importer]())).toEqual({ imported: true, codes: [], keys: [] });
		expect(await snapshot(scratch)).not.toEqual(before);
		scratch.close();
	});

	if (importer === 'backup' || importer === 'voicePack')
		it('imports its valid file rewritten by the corpus zip writer (so a refused bomb is the bomb)', async () => {
			const scratch = await seededDevice();
			const file = rewriteZip(VALID[importer]() as Uint8Array);
			expect(await runImport(importer, scratch, file)).toEqual({ imported: true, codes: [], keys: [] });
			scratch.close();
		});

	it.each(CASES[importer].map((c) => [`${c.category}: ${c.name}`, c] as const))(
		'%s',
		async (_, hostile) => {
			const before = await snapshot(db);
			const outcome = await runImport(importer, db, hostile.build());
			const after = await snapshot(db);
			const missing = untranslated(outcome.keys);
			const unknown = outcome.codes.filter((code) => !KNOWN_CODES[importer].includes(code));
			const unchanged = isDeepStrictEqual(after, before);
			// An input that got in must not shield the next ones (say, as an id collision).
			if (outcome.imported || !unchanged) {
				db.close();
				db = await seededDevice();
			}
			const result: Result = {
				importer,
				source: hostile.source,
				category: hostile.category,
				name: hostile.name,
				clean: !outcome.imported && outcome.codes.length > 0 && !unknown.length && !missing.length && unchanged,
				knownGap: KNOWN_GAPS.has(`${importer}: ${hostile.name}`),
				codes: outcome.codes
			};
			results.push(result);
			if (result.knownGap)
				return void expect(result.clean, 'a known gap is closed: remove it from KNOWN_GAPS').toBe(false);
			expect(outcome.imported, 'imported instead of refused').toBe(false);
			expect(outcome.codes.length, 'no error given').toBeGreaterThan(0);
			expect(unknown, 'not a typed error').toEqual([]);
			expect(missing, 'no translation').toEqual([]);
			expect(after, 'stored data changed').toEqual(before);
			if (hostile.expected) expect(outcome.codes).toEqual(hostile.expected);
			expect(({} as Record<string, unknown>).polluted, 'prototype polluted').toBeUndefined();
		},
		30_000
	);
});

describe('the corpus', () => {
	it('meets every importer with every kind of attack', () => {
		for (const importer of IMPORTER_NAMES)
			expect(CATEGORIES.filter((c) => !CASES[importer].some((i) => i.category === c))).toEqual([]);
	});
});

afterAll(() => {
	const tally = (rows: Result[]) => ({
		tried: rows.length,
		rejected_cleanly: rows.filter((r) => r.clean).length
	});
	const group = <K extends string>(rows: Result[], key: (r: Result) => K) =>
		Object.fromEntries([...new Set(rows.map(key))].map((k) => [k, tally(rows.filter((r) => key(r) === k))])) as Record<
			K,
			ReturnType<typeof tally>
		>;
	const report: HostileReport = {
		generated_at: new Date().toISOString(),
		...tally(results),
		importers: Object.fromEntries(
			IMPORTER_NAMES.map((importer) => {
				const rows = results.filter((r) => r.importer === importer);
				return [importer, { ...tally(rows), by_category: group(rows, (r) => r.category) }];
			})
		),
		by_category: group(results, (r) => r.category),
		by_source: group(results, (r) => r.source),
		known_gaps: results.filter((r) => r.knownGap && !r.clean).length,
		not_clean: results
			.filter((r) => !r.clean)
			.map(({ importer, name, codes, knownGap }) => ({ importer, name, codes, knownGap }))
	};
	mkdirSync('reports', { recursive: true });
	writeFileSync(RESILIENCE_REPORTS.hostile, JSON.stringify(report, null, 2) + '\n');
});
