import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageJs } from '../../../scripts/budgets';

/** A fake build: a page preloading `entry.js`, which imports `keys.js` statically and `lazy.js` lazily. */
function fakeBuild(preloads: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'page-js-'));
	mkdirSync(join(dir, '_app'));
	const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
	write('_app/entry.js', 'import{k as a}from"./keys.js";const l=()=>import("./lazy.js");export{a,l};');
	write('_app/keys.js', 'export const k=1;');
	write('_app/lazy.js', 'export const z=2;');
	const links = preloads.map((f) => `<link href="./_app/${f}" rel="modulepreload">`).join('');
	write('page.html', `<html><head>${links}</head></html>`);
	return { dir, page: join(dir, 'page.html') };
}

describe('pageJs', () => {
	it('counts what the page loads up front, and names what it imports without preloading it', () => {
		const { dir, page } = fakeBuild(['entry.js']);
		const js = pageJs(dir, page);
		expect(js.files.map((f) => f.slice(dir.length))).toEqual(['/_app/entry.js', '/_app/keys.js']);
		expect(js.late.map((f) => f.slice(dir.length))).toEqual(['/_app/keys.js']);
		expect(js.gz_bytes).toBeGreaterThan(0);
	});

	it('finds nothing late when the page preloads every script it needs up front', () => {
		const { dir, page } = fakeBuild(['entry.js', 'keys.js']);
		expect(pageJs(dir, page).late).toEqual([]);
	});
});
