/** Node-side reading of pack directories and pictogram sets, shared by build scripts. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { getIconData } from '@iconify/utils';
import type { IconifyJSON } from '@iconify/types';
import {
	PACK_SECTIONS,
	assemblePack,
	type PackSourceFiles,
	type PackStringFiles
} from '../../src/lib/content/pack-sources';
import { PICTOGRAM_SETS } from '../../src/lib/content/pictogram-sets';

export const PACKS_DIR = 'src/lib/content/packs';

export function packDirs(): string[] {
	return readdirSync(PACKS_DIR, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => join(PACKS_DIR, d.name));
}

function readJson(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
	}
}

export function readPackDir(dir: string): unknown {
	const files = Object.fromEntries(
		PACK_SECTIONS.map((s) => {
			const file = join(dir, `${s}.json`);
			return [s, existsSync(file) ? readJson(file) : s === 'meta' ? {} : []];
		})
	) as unknown as PackSourceFiles;
	const strings: PackStringFiles = {};
	const stringsDir = join(dir, 'strings');
	if (existsSync(stringsDir)) {
		for (const lang of readdirSync(stringsDir)) {
			strings[lang] = {};
			for (const s of PACK_SECTIONS) {
				const file = join(stringsDir, lang, `${s}.json`);
				if (existsSync(file)) strings[lang][s] = readJson(file) as Record<string, unknown>;
			}
		}
	}
	return assemblePack(files, strings);
}

const require = createRequire(import.meta.url);
const setCache = new Map<string, IconifyJSON>();

export function iconSet(prefix: string): IconifyJSON | undefined {
	if (!PICTOGRAM_SETS.some((s) => s.prefix === prefix)) return undefined;
	if (!setCache.has(prefix)) setCache.set(prefix, require(`@iconify-json/${prefix}/icons.json`));
	return setCache.get(prefix);
}

/** Resolves `set:name` to its SVG body and size, or undefined when it does not exist. */
export function resolvePictogram(ref: string) {
	const [prefix, name] = ref.split(':');
	const set = prefix && name ? iconSet(prefix) : undefined;
	const data = set && name ? getIconData(set, name) : null;
	return data
		? { ...data, width: data.width ?? set?.width ?? 16, height: data.height ?? set?.height ?? 16 }
		: undefined;
}
