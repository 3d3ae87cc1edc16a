/**
 * Evaluation export: anonymous aggregates over a coach's caseload or over a workshop tablet's
 * profiles, as CSV, for the programme's continuous evaluation. Pure: no storage, no names.
 *
 * Only numbers and fixed codes leave: the input types carry no name or free text, and the
 * builders below read only levels, dates and counts, so a label, a first name or a coach's
 * comment cannot reach a cell. Each export is ONE header line and ONE data line, so exports
 * made month after month can be pasted under each other in a spreadsheet.
 *
 * Columns (README, "Evaluation export", says the same):
 * - exported_on: day of the export, YYYY-MM-DD (UTC).
 * - source: `caseload` (portfolios a coach saved from links) or `tablet` (this device's profiles).
 * - people: persons counted: caseload entries, or tablet profiles with at least one recognised competence.
 * - rounds: on a tablet, question rounds finished by those profiles; in a caseload, reviews saved
 *   (each time the coach saved a person's link), since a link does not carry the round count.
 * - people_reviewed_twice: persons with at least two reviews, the base of the level_* change columns.
 * - competences: recognised competences at each person's latest review, summed over persons.
 * - level_1, level_2, level_3: the same competences by level (1 with help, 2 alone, 3 explains to others).
 * - clea_1 … clea_7: recognised competences aligned with each CléA domain (1 Communication en
 *   français, 2 calcul et raisonnement mathématique, 3 numérique, 4 travail en équipe, 5 autonomie,
 *   6 apprendre à apprendre, 7 gestes, postures, hygiène, sécurité, environnement).
 * - savoir_etre_01 … savoir_etre_14: recognised competences aligned with each of France Travail's
 *   14 savoir-être professionnels, numbered in France Travail's order (01 Capacité d'adaptation …
 *   14 Réactivité). A competence aligned with two domains or savoir-être counts in both.
 * - level_up, level_same, level_down: competences present at both of a person's last two reviews
 *   whose level rose, stayed or fell; level_new: present at the last review only.
 * Competences of content unknown to this device count in `competences` and `level_*` but in no
 * CléA or savoir-être column.
 */
import type { AnswerRecord, CaseloadEntry, RoundRecord } from './records';
import { competenceLevels } from './scoring';

export type Levels = Readonly<Record<string, 1 | 2 | 3>>;
export interface Review {
	at: number;
	levels: Levels;
}
/** One person as the evaluation sees them: reviews oldest first, and a count of rounds. */
export interface PersonSeries {
	reviews: Review[];
	rounds: number;
}
/** The framework alignments of a competence, from the content pack. */
export interface Alignment {
	clea: readonly { domain: number }[];
	savoirEtre: readonly number[];
}
export type EvaluationSource = 'caseload' | 'tablet';

const range = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i + 1));
export const CLEA_COLUMNS = range(7, (i) => `clea_${i}`);
export const SAVOIR_ETRE_COLUMNS = range(14, (i) => `savoir_etre_${String(i).padStart(2, '0')}`);
export const EVALUATION_COLUMNS: readonly string[] = [
	'exported_on',
	'source',
	'people',
	'rounds',
	'people_reviewed_twice',
	'competences',
	'level_1',
	'level_2',
	'level_3',
	...CLEA_COLUMNS,
	...SAVOIR_ETRE_COLUMNS,
	'level_up',
	'level_same',
	'level_down',
	'level_new'
];

export type Change = 'up' | 'same' | 'down' | 'new' | 'gone';
export interface LevelChange {
	competence: string;
	change: Change;
	from?: 1 | 2 | 3;
	to?: 1 | 2 | 3;
}

/** How each competence moved from one review to the next (`gone`: no longer shared). */
export function levelChanges(previous: Levels, next: Levels): LevelChange[] {
	const ids = [...new Set([...Object.keys(next), ...Object.keys(previous)])].sort();
	return ids.map((competence) => {
		const from = previous[competence];
		const to = next[competence];
		const change: Change =
			to === undefined ? 'gone' : from === undefined ? 'new' : to > from ? 'up' : to < from ? 'down' : 'same';
		return { competence, change, ...(from ? { from } : {}), ...(to ? { to } : {}) };
	});
}

export function countChanges(changes: readonly LevelChange[]): Record<Change, number> {
	const counts: Record<Change, number> = { up: 0, same: 0, down: 0, new: 0, gone: 0 };
	for (const c of changes) counts[c.change]++;
	return counts;
}

/** A caseload entry: its snapshots are its reviews; its label is never read. */
export function seriesFromCaseload(entry: Pick<CaseloadEntry, 'snapshots'>): PersonSeries {
	const reviews = [...entry.snapshots].sort((a, b) => a.at - b.at).map((s) => ({ at: s.at, levels: s.levels }));
	return { reviews, rounds: reviews.length };
}

const levelsOf = (answers: readonly AnswerRecord[]): Record<string, 1 | 2 | 3> =>
	Object.fromEntries([...competenceLevels(answers)].map(([id, l]) => [id, l.level]));
const same = (a: Levels, b: Levels) =>
	JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * A tablet profile: one review at the end of each finished round (the levels its answers gave
 * by then), then today's levels when later answers (an import) changed them.
 */
export function seriesFromAnswers(answers: readonly AnswerRecord[], rounds: readonly RoundRecord[]): PersonSeries {
	const ends = rounds
		.map((r) => r.finishedAt)
		.filter((t): t is number => t !== undefined)
		.sort((a, b) => a - b);
	const cuts = [...ends, Math.max(0, ...answers.map((a) => a.at), ...ends)];
	const reviews: Review[] = [];
	for (const at of cuts) {
		const levels = levelsOf(answers.filter((a) => a.at <= at));
		if (Object.keys(levels).length > 0 && !(reviews.length && same(reviews.at(-1)!.levels, levels)))
			reviews.push({ at, levels });
	}
	return { reviews, rounds: ends.length };
}

/** The export's one data row, keyed by column. */
export function evaluate(
	source: EvaluationSource,
	people: readonly PersonSeries[],
	alignmentOf: (competence: string) => Alignment | undefined,
	now: number
): Record<string, string | number> {
	const row: Record<string, string | number> = Object.fromEntries(EVALUATION_COLUMNS.map((c) => [c, 0]));
	row.exported_on = new Date(now).toISOString().slice(0, 10);
	row.source = source;
	const add = (column: string, n = 1) => void ((row[column] as number) += n);
	for (const person of people) {
		const latest = person.reviews.at(-1);
		if (!latest || Object.keys(latest.levels).length === 0) continue;
		add('people');
		// Counts only: whatever else a caller hands over cannot become a cell.
		add('rounds', Number.isSafeInteger(person.rounds) && person.rounds > 0 ? person.rounds : 0);
		for (const [id, level] of Object.entries(latest.levels)) {
			add('competences');
			add(`level_${level}`);
			const aligned = alignmentOf(id);
			for (const domain of new Set(aligned?.clea.map((c) => c.domain))) add(`clea_${domain}`);
			for (const n of new Set(aligned?.savoirEtre)) add(`savoir_etre_${String(n).padStart(2, '0')}`);
		}
		const previous = person.reviews.at(-2);
		if (!previous) continue;
		add('people_reviewed_twice');
		const counts = countChanges(levelChanges(previous.levels, latest.levels));
		for (const change of ['up', 'same', 'down', 'new'] as const) add(`level_${change}`, counts[change]);
	}
	// An alignment outside the frameworks (a stale imported pack) must not invent a column.
	for (const key of Object.keys(row)) if (!EVALUATION_COLUMNS.includes(key)) delete row[key];
	return row;
}

/**
 * One CSV cell. Spreadsheets run a cell starting with = + - @ (or a tab or carriage return)
 * as a formula, so such a cell gets a leading apostrophe; quotes, commas and line breaks are
 * quoted as RFC 4180 says. The export only holds numbers and codes, but the guard stays.
 */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function evaluationCsv(row: Readonly<Record<string, string | number>>): string {
	const line = (cells: readonly (string | number)[]) => cells.map(csvCell).join(',');
	return `${line(EVALUATION_COLUMNS)}\r\n${line(EVALUATION_COLUMNS.map((c) => row[c] ?? 0))}\r\n`;
}
