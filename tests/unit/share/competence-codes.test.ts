import { describe, it, expect } from 'vitest';
import competences from '../../../src/lib/content/packs/socle/competences.json';
import codesJson from '../../../src/lib/content/packs/socle/codes.json';
import { checkCodes, codeOf, idOfCode, CODES_FORMAT } from '../../../src/lib/share/competence-codes';

const packIds = competences.map((c) => c.id);

describe('shipped codes.json', () => {
	it('gives every competence of the socle pack a code, with no problem', () => {
		expect(checkCodes(codesJson, packIds)).toEqual([]);
		for (const id of packIds) expect(codeOf(id)).toBeGreaterThan(0);
	});

	it('numbers 1..N without gaps: append-only means the next competence takes max + 1', () => {
		const values = Object.values(codesJson.codes).sort((a, b) => a - b);
		expect(values).toEqual(values.map((_, i) => i + 1));
	});

	it('maps codes and ids both ways', () => {
		expect(codeOf('listen-understand')).toBe(1);
		expect(idOfCode(1)).toBe('listen-understand');
		for (const id of packIds) expect(idOfCode(codeOf(id)!)).toBe(id);
		expect(codeOf('not-a-competence')).toBeUndefined();
		expect(idOfCode(0)).toBeUndefined();
		expect(idOfCode(999_999)).toBeUndefined();
	});
});

describe('checkCodes', () => {
	const reg = (codes: Record<string, unknown>, format = CODES_FORMAT) => ({ format, codes });

	it('accepts a good registry, including retired ids no longer in the pack', () => {
		expect(checkCodes(reg({ a: 1, b: 2, retired: 3 }), ['a', 'b'])).toEqual([]);
	});

	it('reports a competence without a code', () => {
		expect(checkCodes(reg({ a: 1 }), ['a', 'b'])).toEqual([{ kind: 'missing-code', id: 'b' }]);
	});

	it('reports a code used twice', () => {
		expect(checkCodes(reg({ a: 1, b: 2, c: 1 }), ['a', 'b', 'c'])).toEqual([
			{ kind: 'duplicate-code', code: 1, ids: ['a', 'c'] }
		]);
	});

	it('reports codes that are not positive integers', () => {
		const bad = { z: 0, n: -1, f: 1.5, s: '3', big: 2 ** 40, nan: NaN, nil: null };
		const problems = checkCodes(reg({ ok: 1, ...bad }), ['ok']);
		expect(problems).toEqual(Object.entries(bad).map(([id, code]) => ({ kind: 'bad-code', id, code })));
	});

	it('reports a wrong format', () => {
		expect(checkCodes(reg({ a: 1 }, 'atouts-codes/9'), ['a'])).toEqual([
			{ kind: 'bad-format', format: 'atouts-codes/9' }
		]);
	});
});
