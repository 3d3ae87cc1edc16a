/**
 * After `vite build`: every script a page imports statically is named in the page's
 * `<link rel="modulepreload">` list, so that the browser asks for all of them at once.
 *
 * Why: SvelteKit 2 builds that list by walking the Vite manifest with one `seen` set for static
 * and dynamic imports (find_deps in @sveltejs/kit, exports/vite/build/utils.js). A chunk first
 * reached through a lazy `import()` is marked seen without being listed, and then skipped when a
 * page imports it statically. The page still needs it: the browser only finds it once the module
 * importing it has arrived and been parsed, one more round trip before the page can start (on
 * slow 4G, ~150 ms more; most routes were missing one to five chunks, e.g. the content keys).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { htmlFiles } from './lib/html-files';

/** The parts of a Vite manifest entry read here. */
export interface ManifestChunk {
	file: string;
	imports?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

const PRELOAD = /<link href="([^"]*?)(_app\/immutable\/[^"]+\.js)" rel="modulepreload">/g;

/**
 * The page with a modulepreload link added for each script its preloaded scripts import
 * statically, directly or not, and which it did not list; `added` names them (build files).
 * Only static imports: a lazy `import()` stays lazy. A page with no preloads is left alone.
 */
export function completePreloads(html: string, manifest: ViteManifest): { html: string; added: string[] } {
	const links = [...html.matchAll(PRELOAD)];
	if (!links.length) return { html, added: [] };
	const prefix = links[0]![1]!; // "./" or "../": the page's way to the build's root
	const listed = new Set(links.map((link) => link[2]!));
	const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));

	const needed = new Set<string>();
	const visit = (file: string) => {
		if (needed.has(file)) return;
		needed.add(file);
		for (const key of byFile.get(file)?.imports ?? []) {
			const imported = manifest[key];
			if (!imported) throw new Error(`the Vite manifest names ${key} (imported by ${file}) but has no such entry`);
			visit(imported.file);
		}
	};
	listed.forEach(visit);

	const added = [...needed].filter((file) => !listed.has(file));
	if (!added.length) return { html, added };
	const last = links.at(-1)!;
	const at = last.index! + last[0].length;
	const extra = added.map((file) => `<link href="${prefix}${file}" rel="modulepreload">`).join('\n\t\t');
	return { html: `${html.slice(0, at)}\n\t\t${extra}${html.slice(at)}`, added };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
	const BUILD = 'build';
	const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ViteManifest;
	let pages = 0;
	let links = 0;
	for (const file of htmlFiles(BUILD)) {
		const { html, added } = completePreloads(readFileSync(file, 'utf8'), manifest);
		if (!added.length) continue;
		writeFileSync(file, html);
		pages++;
		links += added.length;
	}
	console.log(`preloads: ${links} missing modulepreload links added to ${pages} prerendered pages`);
}
