/** fr.json for the first paint (see scripts/lib/first-paint-texts.ts). */
declare module 'virtual:first-paint-fr' {
	const texts: Record<string, unknown>;
	export default texts;
}

/** fr.json's LAZY_NAMESPACES only: with virtual:first-paint-fr, the whole of fr.json. */
declare module 'virtual:lazy-fr' {
	const texts: Record<string, unknown>;
	export default texts;
}

/** The shipped packs' structure and texts, as JSON files (scripts/lib/data-assets.ts). */
declare module 'virtual:atouts-pack-data' {
	export function loadStructure(): Promise<unknown>;
	/** One language's texts in the order of textKeys(structure); null for a language no pack has. */
	export function loadTexts(lang: string): Promise<(string | null)[] | null>;
}

/** The shipped themes as tiles and their French titles, for the first paint (scripts/lib/data-assets.ts). */
declare module 'virtual:atouts-theme-tiles' {
	export const tiles: readonly { id: string; pictogram: string }[];
	export const frenchTitles: Record<string, string>;
}

/** The interface texts of the languages other than French, as JSON files (scripts/lib/data-assets.ts). */
declare module 'virtual:atouts-locale-data' {
	export function loadLocale(code: string): Promise<Record<string, unknown>>;
}
