import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_JSON_LIMITS, jsonDepth, parseJsonSafely } from '../../../src/lib/domain/safe-json';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepth', () => {
	it('counts nesting of objects and arrays', () => {
		expect(jsonDepth('1')).toBe(0);
		expect(jsonDepth('{}')).toBe(1);
		expect(jsonDepth('{"a":[{"b":[]}],"c":{}}')).toBe(4);
	});

	it('does not count brackets inside strings, including after escaped quotes', () => {
		expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
		expect(jsonDepth('["\\"[[[", "\\\\", "]]]"]')).toBe(1);
	});

	it('matches the real depth of any JSON value', () => {
		const realDepth = (v: unknown): number =>
			v !== null && typeof v === 'object'
				? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(realDepth))
				: 0;
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(jsonDepth(JSON.stringify(value))).toBe(realDepth(value));
			})
		);
	});
});

describe('parseJsonSafely', () => {
	it('parses ordinary JSON', () => {
		expect(parseJsonSafely('{"a":[1,"x",null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
	});

	it('round-trips any JSON value within the limits, and refuses exactly those with a forbidden key', () => {
		// The keys as parsed (JSON.parse makes even "__proto__" an own key), not a search of the text:
		// a key such as `"constructor` is written `"\"constructor":` and is harmless (fast-check found it).
		const forbiddenIn = (v: unknown): boolean =>
			v !== null &&
			typeof v === 'object' &&
			Object.entries(v).some(
				([key, inner]) => ['__proto__', 'constructor', 'prototype'].includes(key) || forbiddenIn(inner)
			);
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
				const text = JSON.stringify(value);
				const result = parseJsonSafely(text);
				if (forbiddenIn(JSON.parse(text))) expect(result).toEqual({ ok: false, error: 'forbidden-key' });
				else expect(result).toEqual({ ok: true, value: JSON.parse(text) });
			})
		);
	});

	it('accepts a key that only contains a forbidden word, quotes included', () => {
		const text = JSON.stringify({ '"constructor': 1, 'a"__proto__': { prototype_: 2 } });
		expect(parseJsonSafely(text)).toEqual({ ok: true, value: JSON.parse(text) });
	});

	it('refuses text longer than maxChars before parsing', () => {
		expect(parseJsonSafely('[1,2,3]', { maxChars: 6, maxDepth: 5 })).toEqual({ ok: false, error: 'too-large' });
		expect(parseJsonSafely('[1,2,3]', { maxChars: 7, maxDepth: 5 }).ok).toBe(true);
	});

	it('refuses nesting deeper than maxDepth, and accepts exactly maxDepth', () => {
		expect(parseJsonSafely(nested(5), { maxChars: 100, maxDepth: 4 })).toEqual({ ok: false, error: 'too-deep' });
		expect(parseJsonSafely(nested(4), { maxChars: 100, maxDepth: 4 }).ok).toBe(true);
		expect(parseJsonSafely(nested(DEFAULT_JSON_LIMITS.maxDepth + 1))).toEqual({ ok: false, error: 'too-deep' });
	});

	it('does not count brackets inside strings towards the depth', () => {
		const text = JSON.stringify({ note: '[[[[[[[[[[{{{{{{{{' });
		expect(parseJsonSafely(text, { maxChars: 1000, maxDepth: 1 })).toEqual({
			ok: true,
			value: { note: '[[[[[[[[[[{{{{{{{{' }
		});
	});

	it.each(['', '{', "{'a':1}", '{"a":1,}', 'undefined', '[1] [2]'])('refuses %j as not-json', (text) => {
		expect(parseJsonSafely(text)).toEqual({ ok: false, error: 'not-json' });
	});

	it.each([
		['__proto__ at the top', '{"__proto__":{"polluted":true}}'],
		['constructor nested', '{"a":[{"constructor":{"prototype":{}}}]}'],
		['prototype', '{"strings":{"fr":{"prototype":"x"}}}']
	])('refuses a forbidden key: %s', (_name, text) => {
		expect(parseJsonSafely(text)).toEqual({ ok: false, error: 'forbidden-key' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('accepts forbidden words as values, only keys are refused', () => {
		expect(parseJsonSafely('{"name":"__proto__","list":["constructor"]}')).toEqual({
			ok: true,
			value: { name: '__proto__', list: ['constructor'] }
		});
	});
});
