import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePictogram, withUniqueIds } from '../../../src/lib/content/pictogram-markup';

const DIR = 'static/pictos/fluent-emoji-flat';
// The build writes them (npm run pictograms, before vite build); a fresh clone has none yet.
if (!existsSync(DIR)) execFileSync('npx', ['tsx', 'scripts/build-pictograms.ts'], { stdio: 'ignore' });
const files = readdirSync(DIR).filter((name) => name.endsWith('.svg'));
const idsOf = (markup: string) => [...markup.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
const referencesOf = (markup: string) => [...markup.matchAll(/(?:url\(#|href="#)([^")]+)/g)].map((m) => m[1]!);

describe('parsePictogram', () => {
	it('reads every pictogram the build wrote: its viewBox and its drawing without the root element', () => {
		expect(files.length).toBeGreaterThan(100);
		for (const name of files) {
			const text = readFileSync(join(DIR, name), 'utf8');
			const { viewBox, inner } = parsePictogram(text);
			expect(viewBox, name).toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
			expect(inner, name).toMatch(/^<(g|path|rect|circle|defs)\b/);
			expect(inner, name).not.toContain('<svg');
			expect(text.endsWith(`${inner}</svg>`), name).toBe(true);
		}
	});

	it('refuses what is not a pictogram file', () => {
		expect(() => parsePictogram('<html><body></body></html>')).toThrow(/no root <svg>/);
		expect(() => parsePictogram('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>')).toThrow(/viewBox/);
		expect(() => parsePictogram('<svg viewBox="0 0 32 32">')).toThrow(/no root <svg>/);
	});
});

describe('withUniqueIds', () => {
	it('leaves a drawing without ids as it is', () => {
		const inner = '<g fill="none"><path fill="#e6e6e6" d="M1 1h2"/></g>';
		expect(withUniqueIds(inner, 'd1')).toBe(inner);
	});

	it('gives every id and every reference to it the same suffix, in the shipped pictograms that have ids', () => {
		const withIds = files
			.map((name) => parsePictogram(readFileSync(join(DIR, name), 'utf8')).inner)
			.filter((inner) => inner.includes('id="'));
		expect(withIds.length).toBeGreaterThan(0);
		for (const inner of withIds) {
			const [a, b] = [withUniqueIds(inner, 'd1'), withUniqueIds(inner, 'd2')];
			expect(idsOf(a).every((id) => id.endsWith('-d1'))).toBe(true);
			expect(idsOf(a).filter((id) => idsOf(b).includes(id))).toEqual([]); // two drawings share no id
			for (const reference of referencesOf(a)) expect(idsOf(a)).toContain(reference);
			expect(referencesOf(a).length).toBe(referencesOf(inner).length);
		}
	});
});
