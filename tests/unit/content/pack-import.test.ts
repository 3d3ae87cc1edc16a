import { describe, it, expect } from 'vitest';
import { checkPackImport, MAX_PACK_CHARS } from '../../../src/lib/content/pack-import';
import { validPack } from './pack-fixture';

const NOTHING = new Set<string>();
const validText = () => JSON.stringify(validPack());

function codesOf(result: ReturnType<typeof checkPackImport>) {
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('checkPackImport', () => {
	it('accepts a valid pack file and returns the parsed pack', () => {
		const result = checkPackImport(validText(), NOTHING);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.pack.meta.id).toBe('test-pack');
			expect(result.pack.cards).toHaveLength(2);
		}
	});

	it('accepts it when the device holds other, unrelated ids', () => {
		const existing = new Set(['pack:socle', 'competence:cook', 'card:s-cook', 'domain:kitchen']);
		expect(checkPackImport(validText(), existing).ok).toBe(true);
	});

	it.each(['', 'not json', '{"format":"atouts-pack/1",', '\u0000'])('refuses %j as not-json', (text) => {
		expect(codesOf(checkPackImport(text, NOTHING))).toEqual(['not-json']);
	});

	it('refuses a file nested too deep before parsing it', () => {
		const deep = `{"format":"atouts-pack/1","x":${'['.repeat(17)}${']'.repeat(17)}}`;
		expect(codesOf(checkPackImport(deep, NOTHING))).toEqual(['too-deep']);
		// Even deeply nested garbage is refused for its depth, not passed to JSON.parse.
		expect(codesOf(checkPackImport('['.repeat(100_000), NOTHING))).toEqual(['too-deep']);
	});

	it('refuses a file over the size limit', () => {
		const huge = `{"format":"atouts-pack/1","pad":"${'x'.repeat(MAX_PACK_CHARS)}"}`;
		expect(codesOf(checkPackImport(huge, NOTHING))).toEqual(['too-large']);
	});

	it('refuses a "__proto__" key anywhere in the file', () => {
		const text = validText().replace('"pack.title"', '"__proto__":{"polluted":1},"pack.title"');
		expect(codesOf(checkPackImport(text, NOTHING))).toEqual(['forbidden-key']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses an invalid pack with the validator problems', () => {
		const pack = validPack();
		pack.cards[0]!.competence = 'fly-plane';
		expect(codesOf(checkPackImport(JSON.stringify(pack), NOTHING))).toContain('unknown-reference');
	});

	it.each([
		['pack', 'pack:test-pack'],
		['competence', 'competence:listen'],
		['card', 'card:q-change'],
		['domain', 'domain:numbers'],
		['experience', 'experience:shop-job']
	])('refuses a %s id that already exists on the device', (_kind, existing) => {
		const result = checkPackImport(validText(), new Set([existing]));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems).toEqual([expect.objectContaining({ code: 'id-collision', path: existing })]);
	});

	it('lists every collision, not only the first', () => {
		const result = checkPackImport(
			validText(),
			new Set(['card:s-phone-call', 'card:q-change', 'competence:phone-call'])
		);
		expect(codesOf(result)).toEqual(['id-collision', 'id-collision', 'id-collision']);
	});

	it('does not confuse kinds: a card id existing as a competence is no collision', () => {
		expect(checkPackImport(validText(), new Set(['competence:q-change', 'card:listen'])).ok).toBe(true);
	});
});
