/**
 * The packs built into the app, as the app loads them: their structure, and their texts one
 * language at a time (a phone in Arabic never downloads the French, English and Ukrainian texts
 * as well). Both are JSON files fetched when first needed (scripts/lib/data-assets.ts), each once.
 * Shipped packs are validated at build time by content:check, so they are not re-parsed here.
 */
import { loadStructure, loadTexts } from 'virtual:atouts-pack-data';
import type { Pack } from '../domain/content-schema';
import { once } from '../domain/once';
import { expandTexts, textKeys } from './pack-data';

export type PackStructure = Omit<Pack, 'strings'>;

/** Every shipped pack, without its texts. */
export const loadShippedPacks = once(() => loadStructure() as Promise<readonly PackStructure[]>);

/** The keys the texts of every language are listed by (derived from the structure, so not shipped). */
const shippedKeys = once(async () => textKeys(await loadShippedPacks()));

/** Each language's table, once: the content state asks early (to download in parallel) and again when it needs it. */
const tables = new Map<string, () => Promise<Readonly<Record<string, string>>>>();

/** All shipped strings of one language, across packs and sections, in the packs' order. Missing language: empty. */
export function loadShippedStrings(lang: string): Promise<Readonly<Record<string, string>>> {
	let table = tables.get(lang);
	if (!table)
		tables.set(
			lang,
			(table = once(async () => {
				const [keys, texts] = await Promise.all([shippedKeys(), loadTexts(lang)]);
				return texts ? expandTexts(keys, texts) : {};
			}))
		);
	return table();
}
