import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import rawCompetences from '../../../src/lib/content/packs/socle/competences.json';
import { CompetenceSchema } from '../../../src/lib/domain/content-schema';
import {
	EVALUATION_COLUMNS,
	csvCell,
	evaluate,
	evaluationCsv,
	levelChanges,
	seriesFromAnswers,
	seriesFromCaseload,
	type PersonSeries
} from '../../../src/lib/domain/evaluation';
import type { AnswerRecord, CaseloadEntry, RoundRecord } from '../../../src/lib/domain/records';

const pack = new Map(rawCompetences.map((c) => [c.id, CompetenceSchema.parse(c)]));
const align = (id: string) => pack.get(id);
const NOW = Date.UTC(2026, 10, 28, 15);
const DAY = 86_400_000;

const parse = (csv: string) =>
	csv
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(','));
const rowOf = (people: PersonSeries[], source: 'caseload' | 'tablet' = 'caseload') => {
	const [header, values, ...rest] = parse(evaluationCsv(evaluate(source, people, align, NOW)));
	expect(rest).toEqual([]);
	return Object.fromEntries(header!.map((h, i) => [h, values![i]]));
};

const samia: CaseloadEntry = {
	id: 'c1',
	label: 'Samia Benali',
	snapshots: [
		{ at: NOW - 30 * DAY, levels: { 'listen-understand': 1, 'first-aid': 2, 'count-money': 3 }, rounds: 0 },
		// latest review: listen up, first-aid same, count-money down, work-in-team new
		{
			at: NOW,
			levels: { 'listen-understand': 2, 'first-aid': 2, 'count-money': 2, 'work-in-team': 1 },
			rounds: 0
		}
	]
};
const jo: CaseloadEntry = {
	id: 'c2',
	label: 'Jo <script>',
	snapshots: [{ at: NOW, levels: { 'cook-for-many': 3, 'bake-bread': 1 }, rounds: 0 }]
};

describe('levelChanges', () => {
	it('says up, same, down, new and gone per competence', () => {
		expect(levelChanges({ a: 1, b: 2, c: 3, d: 1 }, { a: 2, b: 2, c: 1, e: 3 })).toEqual([
			{ competence: 'a', change: 'up', from: 1, to: 2 },
			{ competence: 'b', change: 'same', from: 2, to: 2 },
			{ competence: 'c', change: 'down', from: 3, to: 1 },
			{ competence: 'd', change: 'gone', from: 1 },
			{ competence: 'e', change: 'new', to: 3 }
		]);
	});
});

describe('evaluation over a caseload', () => {
	it('counts people, rounds, competences by level, CléA domain and savoir-être, and level changes', () => {
		const row = rowOf([seriesFromCaseload(samia), seriesFromCaseload(jo)]);
		expect(row).toMatchObject({
			exported_on: '2026-11-28',
			source: 'caseload',
			people: '2',
			rounds: '3', // reviews saved: 2 + 1
			people_reviewed_twice: '1',
			competences: '6', // 4 + 2, latest reviews only
			level_1: '2',
			level_2: '3',
			level_3: '1',
			// listen 1 · count-money 2 · work-in-team 4 · first-aid 7 · cook-for-many 2 and 7 · bake-bread none
			clea_1: '1',
			clea_2: '2',
			clea_3: '0',
			clea_4: '1',
			clea_5: '0',
			clea_6: '0',
			clea_7: '2',
			savoir_etre_02: '1', // first-aid
			savoir_etre_03: '1', // cook-for-many
			savoir_etre_04: '1', // count-money
			savoir_etre_05: '1', // work-in-team
			savoir_etre_09: '1', // listen-understand
			savoir_etre_14: '1', // first-aid
			savoir_etre_01: '0',
			level_up: '1',
			level_same: '1',
			level_down: '1',
			level_new: '1'
		});
	});

	it('counts a competence aligned with one CléA domain twice (two sub-domains) only once', () => {
		const row = rowOf([{ reviews: [{ at: NOW, levels: { 'count-money': 1 } }], rounds: 1 }]);
		expect(row.clea_2).toBe('1');
	});

	it('is one header line and one line of numbers and codes, with exactly the documented columns', () => {
		const csv = evaluationCsv(evaluate('caseload', [seriesFromCaseload(samia)], align, NOW));
		const [header, values] = parse(csv);
		expect(header).toEqual([...EVALUATION_COLUMNS]);
		expect(values).toHaveLength(EVALUATION_COLUMNS.length);
		expect(csv).toMatch(/^[a-z0-9_,\r\n-]+$/);
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});

describe('no names and no free text', () => {
	it('labels, first names, comments and pictogram names never reach the CSV', () => {
		const named: CaseloadEntry[] = [
			samia,
			jo,
			{ id: 'Oleksandra-id', label: '=HYPERLINK("http://evil")', snapshots: samia.snapshots }
		];
		// Everything a tablet profile holds, names and coach comments included, is handed over.
		const profile = {
			profile: { id: 'p-amina', kind: 'named', name: 'Amina Diallo', avatar: 'fox', createdAt: 1 },
			notes: [{ competence: 'first-aid', validated: true, comment: 'Très à l’écoute, Amina' }],
			...tablet()
		};
		const series = seriesFromAnswers(profile.answers, profile.rounds);
		// A careless caller hands the whole profile over with its series: still only counts come out.
		const careless = { ...profile, ...series, label: profile.profile.name } as PersonSeries;
		const people = [...named.map(seriesFromCaseload), series, careless];
		const csv = evaluationCsv(evaluate('tablet', people, align, NOW));
		for (const secret of ['Samia', 'Benali', 'script', 'HYPERLINK', 'evil', 'Oleksandra', 'Amina', 'Diallo', 'écoute'])
			expect(csv).not.toContain(secret);
		expect(csv).not.toMatch(/listen|first-aid|fox|p-amina|c1/);
		expect(csv).toMatch(/^[a-z0-9_,\r\n-]+$/);
	});
});

function tablet(): { answers: AnswerRecord[]; rounds: RoundRecord[] } {
	const self = (id: string, competence: string, level: 1 | 2 | 3, at: number, roundId: string): AnswerRecord => ({
		id,
		profileId: 'p-amina',
		roundId,
		cardId: `s-${competence}`,
		packId: 'socle',
		at,
		value: { kind: 'self', competence, level }
	});
	const t0 = NOW - 10 * DAY;
	return {
		answers: [
			self('a1', 'listen-understand', 1, t0 + 1, 'r1'),
			self('a2', 'first-aid', 2, t0 + 2, 'r1'),
			self('a3', 'listen-understand', 3, t0 + DAY + 1, 'r2'),
			self('a4', 'first-aid', 3, t0 + DAY + 2, 'r2') // round 2 is not finished
		],
		rounds: [
			{ id: 'r1', profileId: 'p-amina', seed: 's', cardIds: ['x'], startedAt: t0, finishedAt: t0 + 10 },
			{ id: 'r2', profileId: 'p-amina', seed: 's', cardIds: ['x'], startedAt: t0 + DAY }
		]
	};
}

describe('evaluation over a tablet', () => {
	it('makes one review per finished round, then the latest levels', () => {
		const { answers, rounds } = tablet();
		const series = seriesFromAnswers(answers, rounds);
		expect(series.rounds).toBe(1);
		expect(series.reviews.map((r) => r.levels)).toEqual([
			{ 'listen-understand': 1, 'first-aid': 2 },
			expect.objectContaining({ 'first-aid': expect.any(Number) })
		]);
		const row = rowOf([series, seriesFromAnswers([], [])], 'tablet');
		expect(row).toMatchObject({ source: 'tablet', people: '1', rounds: '1', people_reviewed_twice: '1' });
		expect(Number(row.level_up) + Number(row.level_same) + Number(row.level_down)).toBe(2);
		expect(row.level_new).toBe('0');
	});
});

describe('CSV cells', () => {
	it('defuse spreadsheet formulas and quote separators', () => {
		expect(csvCell('=1+2')).toBe("'=1+2");
		expect(csvCell('+33')).toBe("'+33");
		expect(csvCell('-5')).toBe("'-5");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('=HYPERLINK("a","b")')).toBe('"\'=HYPERLINK(""a"",""b"")"');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell(12)).toBe('12');
		expect(csvCell('2026-11-28')).toBe('2026-11-28');
	});
});

describe('documentation', () => {
	it('README documents every column, in order', () => {
		const readme = readFileSync('README.md', 'utf8');
		const section = readme.split('## Evaluation export')[1]?.split('\n## ')[0] ?? '';
		const documented = [...section.matchAll(/^\| `([a-z0-9_]+)`/gm)].map((m) => m[1]);
		expect(documented).toEqual([...EVALUATION_COLUMNS]);
	});
});
