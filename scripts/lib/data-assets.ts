/**
 * Vite plugin: the content the app reads at run time (the shipped packs' structure and texts, the
 * interface texts of languages other than French) ships as JSON files beside the scripts, fetched
 * when needed and precached like them, rather than as JS modules. Data is not code: a phone parses
 * JSON faster than the same object written as a script, and the scripts a screen needs stay small.
 *
 * - `virtual:atouts-pack-data`: `loadStructure()` (every shipped pack without its texts) and
 *   `loadTexts(lang)` (every pack text of one language). The texts travel without their keys:
 *   a key ("competence.listen-understand.level.1"…) is derived from the ids in the structure and
 *   a pack has no other (content:check refuses an unused text), so each language is a list of
 *   texts in the order of those keys: the keys made up 40 % of keyed tables. The source files
 *   stay plain keyed JSON, so translators and the checks see no change.
 * - `virtual:atouts-locale-data`: `loadLocale(code)`, the interface texts of one language.
 * - `virtual:atouts-theme-tiles`: the shipped themes as tiles (id and pictogram) and their French
 *   titles, written into the script of the screen that shows them from its first paint; the rest
 *   of a theme (follow-up questions, suggestions, other texts) comes with the full load. Always in
 *   the module: it must be there when prerendering and before any fetch.
 *
 * In the browser build each file is an asset and the module holds its URL; when prerendering, in
 * unit tests and on the dev server, the module holds the data itself (no files to fetch there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Pack } from '../../src/lib/domain/content-schema';
import { PACK_SECTIONS } from '../../src/lib/content/pack-sources';
import { keys as contentKeys } from '../../src/lib/domain/content-keys';
import { textKeys } from '../../src/lib/content/pack-data';
import { packDirs, readPackDir } from './pack-dir';

const PACK_DATA = 'virtual:atouts-pack-data';
const LOCALE_DATA = 'virtual:atouts-locale-data';
const THEME_TILES = 'virtual:atouts-theme-tiles';
// Absolute: Vite's client pipeline cannot resolve a watched file given relative to the root.
const LOCALES_DIR = resolve('src/lib/i18n/locales');
/** French is bundled with i18next (first-paint-texts.ts): it is the default and the fallback. */
const BUNDLED_LOCALE = 'fr';
const RUNTIME = resolve('src/lib/content/pack-data.ts');

/** The texts of one language in key order; null where it has none. */
export function textsInKeyOrder(table: Readonly<Record<string, string>>, keys: readonly string[]): (string | null)[] {
	return keys.map((key) => (Object.hasOwn(table, key) ? table[key]! : null));
}

/** Every shipped pack, read from its source files, and each language's texts across packs. */
export function shippedPackData() {
	const packs = packDirs().map((dir) => readPackDir(dir) as Pack);
	const structure = packs.map(({ strings: _strings, ...rest }) => rest);
	const languages = [...new Set(packs.flatMap((p) => Object.keys(p.strings)))].sort(
		(a, b) => Number(b === 'fr') - Number(a === 'fr') || a.localeCompare(b)
	);
	const tables = Object.fromEntries(
		languages.map((lang) => [
			lang,
			Object.assign({}, ...packs.map((p) => p.strings[lang] ?? {})) as Record<string, string>
		])
	);
	const keys = textKeys(structure);
	return {
		structure,
		tables,
		texts: Object.fromEntries(languages.map((l) => [l, textsInKeyOrder(tables[l]!, keys)]))
	};
}

function packSourceFiles(): string[] {
	return packDirs()
		.map((dir) => resolve(dir)) // absolute, like LOCALES_DIR: they are watched
		.flatMap((dir) => [
			...PACK_SECTIONS.map((s) => join(dir, `${s}.json`)),
			...readdirSync(join(dir, 'strings')).flatMap((lang) =>
				readdirSync(join(dir, 'strings', lang)).map((f) => join(dir, 'strings', lang, f))
			)
		]);
}

const localeFiles = () =>
	readdirSync(LOCALES_DIR)
		.filter((f) => f.endsWith('.json') && f !== `${BUNDLED_LOCALE}.json`)
		.map((f) => [f.replace(/\.json$/, ''), join(LOCALES_DIR, f)] as const);

export function dataAssets(): Plugin {
	let build = false;
	// Read once for all the modules and environments of a build (each module used to read every
	// pack file again); read again when a pack file changes (dev server).
	let packData: ReturnType<typeof shippedPackData> | undefined;
	const packs = (watch: (file: string) => void) => {
		packSourceFiles().forEach(watch);
		return (packData ??= shippedPackData());
	};
	return {
		name: 'atouts-data-assets',
		configResolved: (config) => void (build = config.command === 'build'),
		watchChange: () => void (packData = undefined),
		resolveId: (id) => ([PACK_DATA, LOCALE_DATA, THEME_TILES].includes(id) ? `\0${id}` : undefined),
		load(id, options) {
			if (id === `\0${THEME_TILES}`) {
				const { structure, tables } = packs((file) => this.addWatchFile(file));
				const tiles = structure.flatMap((p) => p.experiences.map(({ id, pictogram }) => ({ id, pictogram })));
				const title = (id: string) => contentKeys.experienceTitle(id);
				const titles = Object.fromEntries(tiles.map(({ id }) => [title(id), tables.fr?.[title(id)] ?? '']));
				return `export const tiles = ${JSON.stringify(tiles)};\nexport const frenchTitles = ${JSON.stringify(titles)};`;
			}
			if (id !== `\0${PACK_DATA}` && id !== `\0${LOCALE_DATA}`) return;
			const server = options?.ssr ?? this.environment?.config.consumer === 'server';
			const asFiles = build && !server;
			/** A JS expression for `data`: the URL of a file holding it, or the data itself. */
			const place = (name: string, data: unknown) => {
				const source = JSON.stringify(data);
				return asFiles ? `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name, source })}` : source;
			};
			const header = `import { ${asFiles ? 'fetchJson' : 'inline'} as get } from ${JSON.stringify(RUNTIME)};`;
			if (id === `\0${LOCALE_DATA}`) {
				const locales = localeFiles();
				locales.forEach(([, file]) => this.addWatchFile(file));
				const entries = locales.map(
					([code, file]) =>
						`${JSON.stringify(code)}: ${place(`locale-${code}.json`, JSON.parse(readFileSync(file, 'utf8')))}`
				);
				return [
					header,
					`const files = { ${entries.join(', ')} };`,
					`/** The interface texts of a language other than French; rejects for one not shipped. */`,
					`export const loadLocale = (code) => Object.hasOwn(files, code) ? get(files[code]) : Promise.reject(new Error('no locale file for "' + code + '"'));`
				].join('\n');
			}
			const { structure, texts } = packs((file) => this.addWatchFile(file));
			const textEntries = Object.entries(texts).map(
				([lang, list]) => `${JSON.stringify(lang)}: ${place(`pack-texts-${lang}.json`, list)}`
			);
			return [
				header,
				`const structure = ${place('pack-structure.json', structure)};`,
				`const texts = { ${textEntries.join(', ')} };`,
				`export const loadStructure = () => get(structure);`,
				`/** One language's pack texts in the order of textKeys(structure), null where it has none; null for a language no pack has. */`,
				`export const loadTexts = (lang) => Object.hasOwn(texts, lang) ? get(texts[lang]) : Promise.resolve(null);`
			].join('\n');
		}
	};
}
