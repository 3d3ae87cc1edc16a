/**
 * A pictogram's SVG file as the parts an inline `<svg>` needs: its viewBox and its inner markup.
 * Pictograms are drawn inline, not as `<img>`: each SVG image is a document of its own in the
 * browser, and 40 of them (the themes screen) cost ~1 s of main thread at 4× CPU; inline, ~0.1 s.
 * Pure string work, shared by the app (ui/pictogram-loader.ts) and the build (scripts/inline-pictograms.ts).
 */

export interface PictogramMarkup {
	viewBox: string;
	inner: string;
}

/** Only files the build wrote (scripts/build-pictograms.ts) come here: a root `<svg>` and its children. */
export function parsePictogram(svg: string): PictogramMarkup {
	const open = /^\s*<svg\b([^>]*)>/.exec(svg);
	const close = svg.lastIndexOf('</svg>');
	if (!open || close < open[0].length) throw new Error('not a pictogram file: no root <svg>');
	const viewBox = /\bviewBox="([^"]+)"/.exec(open[1]!)?.[1];
	if (!viewBox) throw new Error('not a pictogram file: no viewBox');
	return { viewBox, inner: svg.slice(open[0].length, close) };
}

/**
 * The inner markup with its ids made unique to one drawing: two pictograms inline in one page
 * share one id space, and a clip path found under another pictogram's id, or under a copy hidden
 * off-screen, draws wrong or not at all. Most pictograms have no id, and come back unchanged.
 */
export function withUniqueIds(inner: string, suffix: string): string {
	if (!inner.includes('id="')) return inner;
	return inner.replace(/(\bid="|url\(#|href="#)([^")]+)/g, (_, lead: string, id: string) => `${lead}${id}-${suffix}`);
}
