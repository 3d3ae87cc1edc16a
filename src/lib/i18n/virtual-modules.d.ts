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

/** A shipped pack's string file, keys shipped once per section (scripts/lib/compact-pack-strings.ts). */
declare module '*.json?compact-strings' {
	const texts: Record<string, string>;
	export default texts;
}
