/**
 * SvelteKit's version name, taken from the app's sources instead of the clock (SvelteKit's default
 * is `Date.now()`). The name is written into the first screen's script, so two builds of the same
 * sources differed by some bytes gzip, and the first route's budget (tens of bytes from its limit)
 * could pass on this machine and fail in CI's build of the same commit. Same sources, same name,
 * same bytes; any change to them gives a new name, as a new timestamp did.
 *
 * Plain JS: svelte.config.js imports it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the built scripts are made from: the app, the build's own plugins, the pinned packages. */
export const VERSION_SOURCES = ['src', 'scripts/lib', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

/** @param {string} path @returns {string[]} every file under path (or path itself), sorted */
function filesUnder(path) {
	let stat;
	try {
		stat = statSync(path);
	} catch {
		return []; // a source this checkout lacks changes nothing
	}
	if (!stat.isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => filesUnder(join(path, name)));
}

/**
 * @param {string} root the project's directory
 * @param {readonly string[]} sources paths under root
 * @returns {string} 12 hex digits
 */
export function sourceVersion(root = '.', sources = VERSION_SOURCES) {
	const hash = createHash('sha256');
	for (const source of sources) {
		for (const file of filesUnder(join(root, source))) {
			// The path too (a renamed file is a change), always with '/', and the length, so that
			// two layouts of the same bytes never hash alike.
			const bytes = readFileSync(file);
			hash.update(`${relative(root, file).split(sep).join('/')}\0${bytes.length}\0`);
			hash.update(bytes);
		}
	}
	return hash.digest('hex').slice(0, 12);
}
