/** fr.json for the first paint (see scripts/lib/first-paint-texts.ts). */
declare module 'virtual:first-paint-fr' {
	const texts: Record<string, unknown>;
	export default texts;
}
