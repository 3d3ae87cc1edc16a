/**
 * The shipped content travels as JSON files (scripts/lib/data-assets.ts): what the app reads,
 * in the browser build (files fetched) and in unit tests (data in the module), must be exactly
 * the source files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataAssets, textsInKeyOrder } from '../../../scripts/lib/data-assets';
import { expandTexts, textKeys } from '../../../src/lib/content/pack-data';
import { requiredKeys } from '../../../src/lib/domain/content-keys';
import { loadShippedPacks, loadShippedStrings } from '../../../src/lib/content/shipped-packs';
import { loadLocale } from 'virtual:atouts-locale-data';
import { frenchTitles, tiles } from 'virtual:atouts-theme-tiles';

const PACK = 'src/lib/content/packs/socle';
const STRINGS = join(PACK, 'strings');
const LOCALES = 'src/lib/i18n/locales';
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** What one language's files say. */
function packTexts(lang: string): Record<string, string> {
	const files = readdirSync(join(STRINGS, lang)).map((f) => join(STRINGS, lang, f));
	return Object.assign({}, ...files.map(readJson));
}

type Emitted = { name: string; source: string };
type Hook = (this: unknown, id: string, options?: { ssr?: boolean }) => string | undefined;

/** The plugin's module for the browser build, run with its files "fetched" from what it emitted. */
function browserModule(id: string) {
	const plugin = dataAssets();
	(plugin.configResolved as (config: { command: string }) => void)({ command: 'build' });
	const emitted = new Map<string, Emitted>();
	const context = {
		emitFile: (file: Emitted) => {
			const ref = `ref${emitted.size}`;
			emitted.set(ref, file);
			return ref;
		},
		addWatchFile: () => undefined,
		environment: { config: { consumer: 'client' } }
	};
	const code = (plugin.load as Hook).call(context, `\0${id}`, { ssr: false })!;
	const fetched: string[] = [];
	const get = async (ref: string) => {
		fetched.push(emitted.get(ref)!.name);
		return JSON.parse(emitted.get(ref)!.source) as unknown;
	};
	const body = code
		.replace(/^import .*$/m, '')
		.replace(/import\.meta\.ROLLUP_FILE_URL_(\w+)/g, (_, ref: string) => JSON.stringify(ref))
		.replace(/export const (\w+) =/g, 'exports.$1 =');
	const exports: Record<string, unknown> = {};
	new Function('exports', 'get', body)(exports, get);
	return { code, emitted: [...emitted.values()], fetched, exports };
}

describe('content shipped as JSON files', () => {
	const languages = readdirSync(STRINGS);

	it('the app reads every language of the packs exactly as its files say, in the packs’ order', async () => {
		const order = textKeys(await loadShippedPacks());
		for (const lang of languages) {
			const expected = packTexts(lang);
			const loaded = await loadShippedStrings(lang);
			expect(Object.keys(loaded).length).toBeGreaterThan(50);
			expect(loaded).toEqual(expected);
			expect(Object.keys(loaded)).toEqual(order.filter((key) => Object.hasOwn(expected, key)));
		}
		expect(await loadShippedStrings('xx')).toEqual({});
	});

	it('the structure is the pack without its texts', async () => {
		const [pack] = await loadShippedPacks();
		expect(pack!.meta).toEqual(readJson(join(PACK, 'meta.json')).meta);
		expect(pack!.competences).toEqual(JSON.parse(readFileSync(join(PACK, 'competences.json'), 'utf8')));
		expect(pack!.cards.length).toBeGreaterThan(50);
		expect(pack).not.toHaveProperty('strings');
	});

	it('in the browser build: files, not script, and no keys (they come from the structure)', async () => {
		const { code, emitted, fetched, exports } = browserModule('virtual:atouts-pack-data');
		expect(emitted.map((e) => e.name).sort()).toEqual(
			['pack-structure.json', ...languages.map((l) => `pack-texts-${l}.json`)].sort()
		);
		expect(code).not.toContain('listen-understand'); // neither structure nor text written into the script
		expect(emitted.some((e) => e.source.includes('"competence.listen-understand'))).toBe(false);
		const structure = (await (exports.loadStructure as () => Promise<unknown>)()) as Awaited<
			ReturnType<typeof loadShippedPacks>
		>;
		expect(structure).toEqual(await loadShippedPacks());
		const loadTexts = exports.loadTexts as (lang: string) => Promise<(string | null)[] | null>;
		for (const lang of languages)
			expect(expandTexts(textKeys(structure), (await loadTexts(lang))!)).toEqual(await loadShippedStrings(lang));
		expect(fetched.filter((name) => name === 'pack-texts-ar.json')).toHaveLength(1);
		expect(await loadTexts('xx')).toBeNull();
	});

	it('the first paint’s theme tiles: every shipped theme, its pictogram and French title, nothing more', async () => {
		const [pack] = await loadShippedPacks();
		expect(tiles).toEqual(pack!.experiences.map(({ id, pictogram }) => ({ id, pictogram })));
		const french = await loadShippedStrings('fr');
		expect(Object.keys(frenchTitles)).toHaveLength(tiles.length);
		for (const { id } of tiles) expect(frenchTitles[`experience.${id}.title`]).toBe(french[`experience.${id}.title`]);
	});

	it('the keys texts are listed by are those the checks require of every pack', async () => {
		const packs = await loadShippedPacks();
		expect(textKeys(packs)).toEqual(packs.flatMap((p) => requiredKeys(p).map((r) => r.key)));
		expect(new Set(textKeys(packs)).size).toBe(textKeys(packs).length);
	});

	it('interface texts: every language but French (bundled) is a file, read exactly', async () => {
		const { emitted, exports } = browserModule('virtual:atouts-locale-data');
		const files = readdirSync(LOCALES).filter((f) => f !== 'fr.json');
		expect(emitted.map((e) => e.name).sort()).toEqual(files.map((f) => `locale-${f}`).sort());
		for (const file of files) {
			const code = file.replace('.json', '');
			expect(await (exports.loadLocale as typeof loadLocale)(code)).toEqual(readJson(join(LOCALES, file)));
			expect(await loadLocale(code)).toEqual(readJson(join(LOCALES, file)));
		}
		await expect(loadLocale('fr')).rejects.toThrow('no locale file for "fr"');
		await expect(loadLocale('__proto__')).rejects.toThrow();
	});

	it('texts in key order give back each table exactly, with keys some languages lack', () => {
		const keys = ['a', 'b', 'c', '__proto__'];
		const en = JSON.parse('{"a": "A", "c": "C", "__proto__": "P"}') as Record<string, string>;
		const texts = textsInKeyOrder(en, keys);
		expect(texts).toEqual(['A', null, 'C', 'P']);
		const back = expandTexts(keys, texts);
		expect(back).toEqual(en);
		expect(Object.hasOwn(back, 'b')).toBe(false);
		expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
		expect(() => expandTexts(keys, ['A'])).toThrow('1 texts for 4 keys');
	});
});
