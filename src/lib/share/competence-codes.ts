/**
 * Small stable integer codes for competences, so a shared link carries "7" instead of
 * "speak-several-languages". The registry (packs/socle/codes.json) is APPEND-ONLY:
 * a link made today must still decode in five years, so a code is never renumbered and
 * never reused, even when its competence leaves the pack (a retired competence keeps
 * its line). A new competence gets the next unused number. content:check runs
 * `checkCodes` so a competence shipped without a code cannot slip through.
 */
import registryJson from '../content/packs/socle/codes.json';

export const CODES_FORMAT = 'atouts-codes/1';

/** Codes are read back from a varint in links; 2^31−1 keeps them exact and cheap. */
export const MAX_CODE = 0x7fffffff;

export interface CodeRegistry {
	format: string;
	/** competence id → code. `unknown` values on purpose: checkCodes judges them. */
	codes: Record<string, unknown>;
}

export type CodeProblem =
	| { kind: 'bad-format'; format: unknown }
	| { kind: 'missing-code'; id: string }
	| { kind: 'bad-code'; id: string; code: unknown }
	| { kind: 'duplicate-code'; code: number; ids: string[] };

function isValidCode(code: unknown): code is number {
	return typeof code === 'number' && Number.isInteger(code) && code >= 1 && code <= MAX_CODE;
}

/**
 * Everything wrong with `registry` for a pack whose competences are `competenceIds`.
 * Pure (no I/O) so content:check and the tests can feed it any registry. Ids present in
 * the registry but not in the pack are NOT a problem: they are retired competences
 * whose codes stay reserved.
 */
export function checkCodes(registry: CodeRegistry, competenceIds: readonly string[]): CodeProblem[] {
	const problems: CodeProblem[] = [];
	if (registry.format !== CODES_FORMAT) problems.push({ kind: 'bad-format', format: registry.format });
	const codes = registry.codes ?? {};

	const idsByCode = new Map<number, string[]>();
	for (const [id, code] of Object.entries(codes)) {
		if (!isValidCode(code)) {
			problems.push({ kind: 'bad-code', id, code });
			continue;
		}
		const ids = idsByCode.get(code) ?? [];
		ids.push(id);
		idsByCode.set(code, ids);
	}
	for (const [code, ids] of idsByCode) if (ids.length > 1) problems.push({ kind: 'duplicate-code', code, ids });

	for (const id of competenceIds) if (!Object.hasOwn(codes, id)) problems.push({ kind: 'missing-code', id });
	return problems;
}

/**
 * Lookup tables built once. A bad entry (which checkCodes and the tests refuse before a
 * release) is skipped rather than thrown on: a broken registry must not stop the app
 * from starting, it only makes the affected competences travel by id.
 */
function buildTables(registry: CodeRegistry): { byId: Map<string, number>; byCode: Map<number, string> } {
	const byId = new Map<string, number>();
	const byCode = new Map<number, string>();
	for (const [id, code] of Object.entries(registry.codes)) {
		if (!isValidCode(code) || byCode.has(code)) continue;
		byId.set(id, code);
		byCode.set(code, id);
	}
	return { byId, byCode };
}

export const registry: CodeRegistry = registryJson;
const tables = buildTables(registry);

/** The code of a competence, or undefined when it is outside the registry (e.g. an imported pack). */
export function codeOf(id: string): number | undefined {
	return tables.byId.get(id);
}

/** The competence id of a code, or undefined for a code this version of Atouts does not know. */
export function idOfCode(code: number): string | undefined {
	return tables.byCode.get(code);
}
