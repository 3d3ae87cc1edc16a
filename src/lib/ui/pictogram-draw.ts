/**
 * Pictograms are drawn inline, into an `<svg>` (see content/pictogram-markup.ts for why not
 * `<img>`). The prerendered pages already hold the pictograms of their first screen (the build
 * drew them: scripts/inline-pictograms.ts); the others are drawn by pictogram-loader.ts, which a
 * first screen the build drew never loads (the first route's script stays small).
 */

/** An attachment for Picto's `<svg>`: keeps the build's drawing of `ref`, or has it drawn. */
export function drawPictogram(ref: string, lazy: boolean) {
	return (svg: SVGSVGElement) => {
		if (svg.getAttribute('data-drawn') === ref) return;
		svg.removeAttribute('data-drawn');
		svg.replaceChildren(); // another pictogram's drawing must not stay while this one loads
		let live = true;
		let stop: (() => void) | undefined;
		void import('./pictogram-loader').then((loader) => {
			if (live) stop = loader.draw(svg, ref, lazy);
		});
		return () => {
			live = false;
			stop?.();
		};
	};
}
