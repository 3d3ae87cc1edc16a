/**
 * Run-time side of the content shipped as JSON files (scripts/lib/data-assets.ts generates the
 * modules that use these): fetching a file, and putting a language's texts back with their keys.
 */
import { requiredKeys } from '../domain/content-keys';
import type { Pack } from '../domain/content-schema';

/** A JSON file of the app (precached by the service worker, so this works offline too). */
export async function fetchJson(url: string): Promise<unknown> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
	return response.json();
}

/** Where the data is already in the module (prerendering, unit tests, dev server). */
export const inline = <T>(data: T): Promise<T> => Promise.resolve(data);

/**
 * Every text key of the packs, in their order: the keys a language's texts are listed by. Keys are
 * derived from ids, and a shipped pack has no text under any other (content:check).
 */
export function textKeys(packs: readonly Pick<Pack, 'domains' | 'competences' | 'experiences' | 'cards'>[]): string[] {
	return packs.flatMap((pack) => requiredKeys(pack).map((r) => r.key));
}

/**
 * A language's `{ key: text }` table from the keys and its texts in key order, null where it has
 * none. A plain loop: Object.fromEntries over a thousand pairs, run once and so never optimised,
 * cost ~50 ms at 4× CPU in every content screen's load; this costs a tenth of that. A "__proto__"
 * key is defined as an own property, so it stays inert data (an assignment would set the prototype).
 */
export function expandTexts(keys: readonly string[], texts: readonly (string | null)[]): Record<string, string> {
	if (keys.length !== texts.length) throw new Error(`pack texts: ${texts.length} texts for ${keys.length} keys`);
	const table: Record<string, string> = {};
	for (let i = 0; i < keys.length; i++) {
		const text = texts[i];
		if (text === null || text === undefined) continue;
		const key = keys[i]!;
		if (key === '__proto__')
			Object.defineProperty(table, key, { value: text, enumerable: true, writable: true, configurable: true });
		else table[key] = text;
	}
	return table;
}
