/**
 * After `vite build`: lists every file of build/ with a content hash and writes that list
 * into build/service-worker.js in place of `self.__WB_MANIFEST` (what workbox's
 * injectManifest does). Files under _app/immutable carry their hash in their name.
 * Audio, voice packs and the fallback voice's engine and data are never precached: they are
 * large and only some devices need them (the service worker caches them on first use).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const BUILD = 'build';
const SW = join(BUILD, 'service-worker.js');
// Fonts other than the Latin text face are cached when first used (see src/service-worker.ts):
// a French phone never needs the Arabic or Cyrillic files, and system fonts cover the wait.
const EXCLUDE = [
	/^service-worker\.js$/,
	/^\./,
	/^audio\//,
	/^voice-packs\//,
	/^voice-fallback\/(?!manifest\.json$)/,
	/\.map$/,
	/^robots\.txt$/,
	/^fonts\/(?!noto-sans-latin-|pdf\/)/, // fonts/pdf/: ~20 KiB, so a PDF in Arabic or Ukrainian works offline
	// Install icons: the browser fetches them when it installs the app, online; no page shows them.
	/^icons\/.*\.png$/,
	// Prerendered pages of screens for facilitators or read once (voice studio, make room, credits),
	// and of screens only scripts can fill (the shared-link view reads the link; the profile picker
	// reads the device's profiles; the settings show their controls once the device's settings are
	// read, so their page holds only the title bar and "loading"): offline, the service worker
	// answers them with the app shell (200.html), which renders them the same way from the
	// precached scripts.
	/^(studio|space|credits|share|profiles|settings)\.html$/
];

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

export function precacheEntries(buildDir = BUILD) {
	return walk(buildDir)
		.map((file) => ({ file, url: relative(buildDir, file).split(sep).join('/') }))
		.filter(({ url }) => !EXCLUDE.some((re) => re.test(url)))
		.map(({ file, url }) => ({
			url,
			revision: url.startsWith('_app/immutable/')
				? null
				: createHash('md5').update(readFileSync(file)).digest('hex').slice(0, 12),
			bytes: statSync(file).size
		}))
		.sort((a, b) => a.url.localeCompare(b.url));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(sep).pop()!)) {
	const entries = precacheEntries();
	const source = readFileSync(SW, 'utf8');
	const marker = 'self.__WB_MANIFEST';
	const count = source.split(marker).length - 1;
	if (count !== 1) throw new Error(`${SW}: expected one ${marker}, found ${count}`);
	const manifest = JSON.stringify(entries.map(({ url, revision }) => ({ url, revision })));
	writeFileSync(SW, source.replace(marker, manifest));
	const total = entries.reduce((sum, e) => sum + e.bytes, 0);
	console.log(`precache: ${entries.length} files, ${(total / 1024).toFixed(0)} KiB injected into ${SW}`);
}
