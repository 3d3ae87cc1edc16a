import { describe, expect, it } from 'vitest';
import { completePreloads, type ViteManifest } from '../../../scripts/complete-preloads';

const link = (file: string, prefix = './') => `<link href="${prefix}${file}" rel="modulepreload">`;
const built = (file: string) => `_app/immutable/${file}`;
const page = (files: string[], prefix = './') =>
	`<html><head>\n\t\t${files.map((f) => link(built(f), prefix)).join('\n\t\t')}<style>p{}</style></head><body></body></html>`;
const preloaded = (html: string) =>
	[...html.matchAll(/_app\/immutable\/([^"]+\.js)" rel="modulepreload"/g)].map((m) => m[1]!);

/**
 * SvelteKit's case: the page imports `keys` statically, and so does a chunk the layout loads
 * lazily; SvelteKit met `keys` through the lazy import first and left it out of the page's list.
 */
const manifest: ViteManifest = {
	'nodes/0.js': { file: '_app/immutable/nodes/0.A.js', imports: ['_runtime.js'] },
	'nodes/10.js': { file: '_app/immutable/nodes/10.B.js', imports: ['_runtime.js', '_keys.js', '_state.js'] },
	'_runtime.js': { file: '_app/immutable/chunks/runtime.C.js' },
	'_keys.js': { file: '_app/immutable/chunks/keys.D.js' },
	'_state.js': { file: '_app/immutable/chunks/state.E.js', imports: ['_keys.js', '_format.js'] },
	'_format.js': { file: '_app/immutable/chunks/format.F.js' },
	'_lazy.js': { file: '_app/immutable/chunks/lazy.G.js', imports: ['_keys.js'] } // only ever import()ed
};

describe('completePreloads', () => {
	it('adds every script the preloaded ones import statically, directly or not, after the list', () => {
		const html = page(['nodes/0.A.js', 'chunks/runtime.C.js', 'nodes/10.B.js']);
		const { html: out, added } = completePreloads(html, manifest);
		expect(added.sort()).toEqual(['chunks/format.F.js', 'chunks/keys.D.js', 'chunks/state.E.js'].map(built));
		expect(preloaded(out).map(built).sort()).toEqual(
			[...['nodes/0.A.js', 'chunks/runtime.C.js', 'nodes/10.B.js'].map(built), ...added].sort()
		);
		expect(out.indexOf('keys.D.js')).toBeLessThan(out.indexOf('<style>')); // before the page's CSS, like the others
		expect(out).not.toContain('lazy.G.js'); // a lazy import() stays lazy
	});

	it('keeps the page as it is when nothing is missing, or when it preloads nothing (the SPA fallback)', () => {
		const complete = page(['nodes/0.A.js', 'chunks/runtime.C.js']);
		expect(completePreloads(complete, manifest)).toEqual({ html: complete, added: [] });
		const shell = '<html><head></head><body></body></html>';
		expect(completePreloads(shell, manifest)).toEqual({ html: shell, added: [] });
	});

	it("writes the added links with the page's own way to the build's root, and adds each once", () => {
		const html = page(['nodes/10.B.js'], '../');
		const { html: out, added } = completePreloads(html, manifest);
		expect(added).toHaveLength(4);
		for (const file of added) expect(out.split(link(file, '../')).length).toBe(2);
		expect(completePreloads(out, manifest).added).toEqual([]); // run twice: nothing more
	});

	it('fails loudly on a manifest that names a chunk it does not hold', () => {
		const broken: ViteManifest = { 'nodes/1.js': { file: '_app/immutable/nodes/1.H.js', imports: ['_gone.js'] } };
		expect(() => completePreloads(page(['nodes/1.H.js']), broken)).toThrow(/_gone\.js/);
	});
});
