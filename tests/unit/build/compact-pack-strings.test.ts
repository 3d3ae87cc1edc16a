/**
 * The shipped pack's strings travel as "keys once + texts per language"
 * (scripts/lib/compact-pack-strings.ts); what the app reads must be exactly the keyed files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactModule, sectionKeys } from '../../../scripts/lib/compact-pack-strings';
import { loadShippedStrings } from '../../../src/lib/content/shipped-packs';

const STRINGS = 'src/lib/content/packs/socle/strings';

/** Runs a generated module with its keys import replaced by the given keys. */
function evaluate(code: string, keys: string[]): unknown {
	const body = code
		.replace(/^import keys from .*;$/m, `const keys = ${JSON.stringify(keys)};`)
		.replace('export default', 'return');
	return new Function(body)();
}

describe('compact pack strings', () => {
	it('gives back each table exactly, with keys some languages lack', () => {
		const fr = { 'a.title': 'Titre', 'b.title': 'Autre', 'c.only-fr': 'Seulement' };
		const en = { 'a.title': 'Title', 'b.title': 'Other' };
		const keys = sectionKeys([fr, en]);
		expect(keys).toEqual(['a.title', 'b.title', 'c.only-fr']);
		expect(sectionKeys([{ z: '1', a: '2' }, { b: '3', a: '4' }])).toEqual(['z', 'a', 'b']);
		expect(evaluate(compactModule(fr, keys, 'k'), keys)).toEqual(fr);
		const back = evaluate(compactModule(en, keys, 'k'), keys) as Record<string, string>;
		expect(back).toEqual(en);
		expect(Object.hasOwn(back, 'c.only-fr')).toBe(false);
	});

	it('keeps a "__proto__" key as plain data and leaves non-text tables keyed', () => {
		const hostile = JSON.parse('{"__proto__": "x", "a": "y"}') as Record<string, string>;
		const keys = sectionKeys([hostile]);
		const back = evaluate(compactModule(hostile, keys, 'k'), keys) as Record<string, unknown>;
		expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
		expect(Object.hasOwn(back, '__proto__')).toBe(true);
		const nested = { a: { b: 'c' } };
		expect(compactModule(nested, ['a'], 'k')).toBe(`export default ${JSON.stringify(nested)};`);
	});

	it('the app reads every shipped language exactly as its files say', async () => {
		for (const lang of readdirSync(STRINGS)) {
			const expected = Object.assign(
				{},
				...readdirSync(join(STRINGS, lang)).map((f) => JSON.parse(readFileSync(join(STRINGS, lang, f), 'utf8')))
			);
			const loaded = await loadShippedStrings(lang);
			expect(Object.keys(loaded).length).toBeGreaterThan(50);
			expect(loaded).toEqual(expected);
			// The authors' order: French as written; other languages follow the French order.
			if (lang === 'fr') expect(Object.keys(loaded)).toEqual(Object.keys(expected));
		}
	});
});
