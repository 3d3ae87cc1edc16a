import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deflateSync } from 'fflate';
import { Fail } from '../../../src/lib/share/link-bytes';
import { inflateRawCapped } from '../../../src/lib/share/link-inflate';

const failureOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'no failure',
		(e: unknown) => (e instanceof Fail ? e.error : `not a Fail: ${String(e)}`)
	);
const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * seed + (i >> 3)) & 0xff);

describe.each(['native', 'fflate'])('inflateRawCapped (%s)', (engine) => {
	// An older browser has no DecompressionStream, or one without 'deflate-raw': fflate then.
	if (engine === 'fflate')
		beforeEach(() => {
			vi.stubGlobal('DecompressionStream', undefined);
		});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('gives back exactly what fflate deflated, small and over many stream chunks', async () => {
		for (const original of [new Uint8Array(0), bytes(1), bytes(300), bytes(16 * 1024), bytes(200_000)]) {
			const packed = deflateSync(original, { level: 9 });
			expect(await inflateRawCapped(packed, original.length)).toEqual(original);
		}
	});

	it('stops one byte past the cap: the cap itself passes', async () => {
		const packed = deflateSync(new Uint8Array(1000), { level: 9 });
		expect((await inflateRawCapped(packed, 1000)).length).toBe(1000);
		expect(await failureOf(inflateRawCapped(packed, 999))).toBe('too-large');
	});

	it('stops a bomb without inflating it all', async () => {
		const bomb = deflateSync(new Uint8Array(50_000_000), { level: 9 }); // ~49 KB that would be 50 MB
		expect(await failureOf(inflateRawCapped(bomb, 16 * 1024))).toBe('too-large');
	});

	it('calls damaged data corrupt: not deflate, cut short, empty', async () => {
		const packed = deflateSync(bytes(5000), { level: 9 });
		expect(await failureOf(inflateRawCapped(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 1000))).toBe('corrupt');
		expect(await failureOf(inflateRawCapped(packed.subarray(0, packed.length >> 1), 10_000))).toBe('corrupt');
		expect(await failureOf(inflateRawCapped(new Uint8Array(0), 1000))).toBe('corrupt');
	});

	it('reads only the bytes of its view, not the rest of the buffer behind it', async () => {
		const packed = deflateSync(bytes(100), { level: 9 });
		const padded = new Uint8Array(packed.length + 20).fill(0xee);
		padded.set(packed, 10);
		expect(await inflateRawCapped(padded.subarray(10, 10 + packed.length), 100)).toEqual(bytes(100));
	});
});

describe('the shared view loads no compression library', () => {
	it('link-decode.ts and everything it imports never import fflate up front', () => {
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			const source = readFileSync(file, 'utf8');
			expect(source, file).not.toMatch(/\bimport\b[^;(]*['"]fflate['"]/); // import('fflate') is the old browsers' fallback
			for (const [, spec] of source.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s+['"](\.[^'"]+)['"]/g)) {
				if (/\.(?!ts$)\w+$/.test(spec!)) continue; // data (JSON), not code
				visit(resolve(dirname(file), spec!.endsWith('.ts') ? spec! : `${spec}.ts`));
			}
		};
		visit(resolve(__dirname, '../../../src/lib/share/link-decode.ts'));
		expect(seen.size).toBeGreaterThan(4); // it followed the imports (bytes, format, inflate, codes…)
	});
});
