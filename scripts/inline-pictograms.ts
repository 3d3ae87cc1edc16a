/**
 * After `vite build`, before the precache list: draws the pictograms of every prerendered page
 * into the page itself, so that the first screen shows them before any script runs (they are
 * drawn inline, see src/lib/content/pictogram-markup.ts). Picto renders an empty
 * `<svg … data-picto="set:name">`; this fills it with the file's drawing and marks it
 * `data-drawn`, which the app then keeps. Pictograms marked `data-lazy` (long lists, tiles below
 * a phone's first screen) are left to the app: their bytes would be kept twice on the device.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './lib/html-files';
import { parsePictogram, withUniqueIds } from '../src/lib/content/pictogram-markup';
import { pictogramUrl } from '../src/lib/content/pictogram-sets';

const EMPTY_PICTO = /<svg\b([^>]*?)\sdata-picto="([^"]+)"([^>]*)><\/svg>/g;

/** The page with its eager pictograms drawn; `read` gives a pictogram file's text (throws when missing). */
export function inlinePictograms(html: string, read: (path: string) => string): { html: string; drawn: number } {
	let drawn = 0;
	const out = html.replace(EMPTY_PICTO, (whole, before: string, ref: string, after: string) => {
		if (/\sdata-lazy\b/.test(before + after)) return whole;
		const { viewBox, inner } = parsePictogram(read(pictogramUrl(ref)));
		drawn++;
		return `<svg${before} data-picto="${ref}"${after} viewBox="${viewBox}" data-drawn="${ref}">${withUniqueIds(inner, `b${drawn}`)}</svg>`;
	});
	return { html: out, drawn };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
	const BUILD = 'build';
	// The bar's pictograms are on every page: each file is read once.
	const files = new Map<string, string>();
	const read = (path: string) => files.get(path) ?? files.set(path, readFileSync(join(BUILD, path), 'utf8')).get(path)!;
	let pages = 0;
	let total = 0;
	for (const file of htmlFiles(BUILD)) {
		const { html, drawn } = inlinePictograms(readFileSync(file, 'utf8'), read);
		if (!drawn) continue;
		writeFileSync(file, html);
		pages++;
		total += drawn;
	}
	console.log(`pictograms: ${total} drawn into ${pages} prerendered pages`);
}
