/**
 * Extracts every pictogram the packs and the UI use, and only those, into
 * static/pictos/<set>/<name>.svg. The phone downloads one small SVG per picture on the
 * screen it shows, never a whole icon set (the app draws them inline: src/lib/ui/pictogram-draw.ts). A missing icon fails the build and names
 * the card, theme or screen that asked for it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconToSVG, iconToHTML } from '@iconify/utils';
import { optimize } from 'svgo';
import { packDirs, readPackDir, resolvePictogram } from './lib/pack-dir';
import { pictogramRefs } from '../src/lib/content/pack-validator';
import { UI_PICTOGRAMS } from '../src/lib/ui/ui-pictograms';
import { AVATARS, CODE_PICTOGRAMS } from '../src/lib/domain/profile-looks';

const OUT = 'static/pictos';
// Two decimals on a 32-unit grid is under 1/20 of a screen pixel at the largest tile size:
// rendered side by side with the originals at 300 px, no difference shows, and the pictograms
// the precache carries shrink by about 15 % (≈60 KiB), which a phone on patchy data feels.
const SVGO_OPTIONS = { multipass: true, floatPrecision: 2 } as const;
const wanted = new Map<string, string[]>();
const want = (ref: string, where: string) => wanted.set(ref, [...(wanted.get(ref) ?? []), where]);

for (const [name, ref] of Object.entries(UI_PICTOGRAMS)) want(ref, `ui:${name}`);
// Profile avatars and the picture-code grid (shared tablets).
for (const ref of [...AVATARS, ...CODE_PICTOGRAMS]) want(ref, 'profile-looks');
for (const dir of packDirs()) {
	const pack = readPackDir(dir) as Parameters<typeof pictogramRefs>[0];
	for (const { ref, path } of pictogramRefs(pack)) want(ref, `${dir} › ${path}`);
}

const missing = [...wanted].filter(([ref]) => typeof ref !== 'string' || !resolvePictogram(ref));
if (missing.length) {
	for (const [ref, where] of missing)
		console.error(`✗ pictogram "${ref}" does not exist (used by ${where.join(', ')})`);
	process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
let bytes = 0;
for (const ref of wanted.keys()) {
	const [set, name] = ref.split(':') as [string, string];
	const icon = resolvePictogram(ref)!;
	const svg = iconToSVG(icon, { height: 'auto' });
	// No width and height: pictograms are drawn inline at the size each screen gives them, and
	// the PDF reads the viewBox; 25 bytes × 300 files the device keeps for nothing.
	const { width: _w, height: _h, ...attributes } = svg.attributes;
	const html = iconToHTML(svg.body, attributes);
	const optimised = optimize(html, SVGO_OPTIONS).data;
	mkdirSync(join(OUT, set), { recursive: true });
	writeFileSync(join(OUT, set, `${name}.svg`), optimised);
	bytes += optimised.length;
}
// The in-app pack importer refuses pictograms this build does not ship (they could not show offline).
writeFileSync(join(OUT, 'index.json'), JSON.stringify([...wanted.keys()].sort()));
console.log(`pictograms: ${wanted.size} extracted, ${(bytes / 1024).toFixed(0)} KiB`);
