import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_PARTS, eagerLazyParts } from '../../../scripts/lib/lazy-parts';

/** A fake build: one file per part holding its marker, plus a plain app file. */
function fakeBuild() {
	const dir = mkdtempSync(join(tmpdir(), 'lazy-parts-'));
	const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
	const app = write('app.js', 'export const app = 1;');
	const parts = Object.fromEntries(LAZY_PARTS.map((p, i) => [p.name, write(`part-${i}.js`, `x(${JSON.stringify(p.marker)})`)]));
	return { app, parts, all: [app, ...Object.values(parts)] };
}

describe('lazy parts check', () => {
	it('passes when every heavy part stays out of the pages', () => {
		const { app, all } = fakeBuild();
		expect(eagerLazyParts({ '/': [app], '/portfolio': [app] }, all)).toEqual([]);
	});

	it('names the part and the route that loads it eagerly, except on its own route', () => {
		const { app, parts, all } = fakeBuild();
		const pdf = parts['PDF generator']!;
		const studio = parts['voice studio and voice packs']!;
		expect(eagerLazyParts({ '/portfolio': [app, pdf], '/studio': [app, studio], '/': [studio] }, all)).toEqual([
			'PDF generator loaded eagerly by /portfolio',
			'voice studio and voice packs loaded eagerly by /'
		]);
	});

	it('flags a marker the build no longer contains, so the check cannot go silently blind', () => {
		const { app } = fakeBuild();
		const problems = eagerLazyParts({ '/': [app] }, [app]);
		expect(problems).toHaveLength(LAZY_PARTS.length);
		expect(problems[0]).toContain('is in no built file');
	});
});
