/**
 * Vite plugin: a shipped pack's string files (`packs/<pack>/strings/<lang>/<section>.json`,
 * imported with `?compact-strings`) become the same `{ key: text }` objects at run time, but
 * travel without their keys. The keys of one section ("competence.listen-understand.level.1"…)
 * are the same in every language and made up 40 % of the string chunks: they now live once, in
 * `virtual:atouts-string-keys/<pack>/<section>`, and each language ships only its texts, in
 * key order. About 100 KiB less for the service worker to precache, on every phone.
 *
 * The source files stay plain keyed JSON, so translators and the checks see no change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPACT_QUERY = '?compact-strings';
const KEYS_PREFIX = 'virtual:atouts-string-keys/';
const TEXTS_PREFIX = '\0atouts-strings:';
const SOURCE_LANGUAGE = 'fr';

type StringTable = Record<string, unknown>;

/**
 * Every key of one section, across all the pack's languages: in the order of the first table
 * (French, the pack's own language), then any key only other languages have. Screens that list
 * texts (the voice studio) keep the authors' order.
 */
export function sectionKeys(tables: readonly StringTable[]): string[] {
	return [...new Set(tables.flatMap((t) => Object.keys(t)))];
}

/** The module of one language: texts in key order (null where this language has none). */
export function compactModule(table: StringTable, keys: readonly string[], keysModule: string): string {
	if (!Object.values(table).every((v) => typeof v === 'string')) return `export default ${JSON.stringify(table)};`;
	const texts = keys.map((k) => (Object.hasOwn(table, k) ? table[k] : null));
	// fromEntries defines own properties, so a "__proto__" key stays inert data.
	return [
		`import keys from ${JSON.stringify(keysModule)};`,
		`const texts = ${JSON.stringify(texts)};`,
		`export default Object.fromEntries(keys.flatMap((k, i) => (texts[i] === null ? [] : [[k, texts[i]]])));`
	].join('\n');
}

/** …/packs/socle/strings/fr/competences.json → the same section in every language of the pack. */
function siblingFiles(file: string): string[] {
	const section = file.split('/').pop()!;
	const stringsDir = dirname(dirname(file));
	return readdirSync(stringsDir)
		.sort((a, b) => Number(b === SOURCE_LANGUAGE) - Number(a === SOURCE_LANGUAGE) || a.localeCompare(b))
		.map((lang) => join(stringsDir, lang, section))
		.filter((path) => existsSync(path));
}

const readTable = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StringTable;

export function compactPackStrings(): Plugin {
	// "socle/competences" → one of its files, to find the section's other languages from.
	const sections = new Map<string, string>();
	const sectionId = (file: string) => {
		const parts = file.split('/');
		return `${parts.at(-4)}/${parts.at(-1)!.replace(/\.json$/, '')}`;
	};
	let root = process.cwd();
	return {
		name: 'atouts-compact-pack-strings',
		enforce: 'pre',
		configResolved: (config) => void (root = config.root),
		resolveId(id, importer) {
			if (id.startsWith(KEYS_PREFIX)) return `\0${id}`;
			if (!id.endsWith(COMPACT_QUERY)) return;
			const path = id.slice(0, -COMPACT_QUERY.length);
			const file =
				path.startsWith('.') && importer ? join(dirname(importer), path) : existsSync(path) ? path : join(root, path);
			if (!/\/packs\/[^/]+\/strings\/[^/]+\/[^/]+\.json$/.test(file)) return;
			sections.set(sectionId(file), file);
			// Without ".json": Vite's own JSON plugin would otherwise take the module for JSON.
			return TEXTS_PREFIX + file.replace(/\.json$/, '');
		},
		load(id) {
			if (id.startsWith(`\0${KEYS_PREFIX}`)) {
				const file = sections.get(id.slice(KEYS_PREFIX.length + 1));
				if (!file) throw new Error(`${id}: no string file of this section was imported`);
				const files = siblingFiles(file);
				files.forEach((f) => this.addWatchFile(f));
				return `export default ${JSON.stringify(sectionKeys(files.map(readTable)))};`;
			}
			if (!id.startsWith(TEXTS_PREFIX)) return;
			const file = `${id.slice(TEXTS_PREFIX.length)}.json`;
			const files = siblingFiles(file);
			files.forEach((f) => this.addWatchFile(f));
			return compactModule(readTable(file), sectionKeys(files.map(readTable)), KEYS_PREFIX + sectionId(file));
		}
	};
}
