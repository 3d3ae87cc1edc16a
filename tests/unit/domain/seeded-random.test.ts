import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hashSeed, seededRandom, shuffled } from '../../../src/lib/domain/seeded-random';

describe('hashSeed', () => {
	it('is the 32-bit FNV-1a hash', () => {
		// Reference values of FNV-1a 32: offset basis for "", and the published "a" vector.
		expect(hashSeed('')).toBe(0x811c9dc5);
		expect(hashSeed('a')).toBe(0xe40c292c);
		expect(hashSeed('foobar')).toBe(0xbf9cf968);
	});

	it('is an unsigned 32-bit integer for any seed', () => {
		fc.assert(
			fc.property(fc.string(), (seed) => {
				const h = hashSeed(seed);
				expect(Number.isInteger(h)).toBe(true);
				expect(h).toBeGreaterThanOrEqual(0);
				expect(h).toBeLessThan(2 ** 32);
			})
		);
	});
});

describe('seededRandom', () => {
	it('repeats the same sequence for the same seed', () => {
		const a = seededRandom('round-1');
		const b = seededRandom('round-1');
		const seqA = Array.from({ length: 20 }, a);
		expect(Array.from({ length: 20 }, b)).toEqual(seqA);
	});

	it('gives a different sequence for a different seed', () => {
		const a = Array.from({ length: 5 }, seededRandom('round-1'));
		const b = Array.from({ length: 5 }, seededRandom('round-2'));
		expect(a).not.toEqual(b);
	});

	it('returns floats in [0, 1), reasonably spread', () => {
		const random = seededRandom('spread');
		const values = Array.from({ length: 10_000 }, random);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		const buckets = new Array<number>(10).fill(0);
		for (const v of values) buckets[Math.floor(v * 10)]!++;
		for (const count of buckets) expect(count).toBeGreaterThan(800); // ~1000 expected each
		expect(new Set(values).size).toBeGreaterThan(9_990);
	});
});

describe('shuffled', () => {
	it('is a permutation of its input and leaves the input untouched', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
				const copy = [...items];
				const out = shuffled(items, seededRandom(seed));
				expect(items).toEqual(copy);
				expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
			})
		);
	});

	it('is deterministic per seed and actually reorders', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(shuffled(items, seededRandom('s'))).toEqual(shuffled(items, seededRandom('s')));
		expect(shuffled(items, seededRandom('s'))).not.toEqual(items);
	});

	it('can put any item first (no position is unreachable)', () => {
		const items = ['a', 'b', 'c', 'd'];
		const firsts = new Set(Array.from({ length: 200 }, (_, i) => shuffled(items, seededRandom(`seed${i}`))[0]));
		expect(firsts).toEqual(new Set(items));
	});
});
