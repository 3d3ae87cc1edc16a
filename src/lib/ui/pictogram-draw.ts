/**
 * Pictograms are drawn inline, into an `<svg>` (see content/pictogram-markup.ts for why not
 * `<img>`). The prerendered pages already hold the pictograms of their first screen (the build
 * drew them: scripts/inline-pictograms.ts); the others are drawn by pictogram-loader.ts, which a
 * first screen the build drew never loads (the first route's script stays small).
 */

import { yieldToMain } from '../domain/time-slices';

type PictogramLoader = typeof import('./pictogram-loader');

/**
 * The loader, once here, is used straight away. Every `import()` goes through the bundler's
 * preload helper (resolving each dependency's URL, looking the page up for its link), and a long
 * list has two or three pictograms per row: that was a fifth of each step of rows at 4× CPU.
 */
let loader: PictogramLoader | undefined;
let loading: Promise<PictogramLoader> | undefined;

function withLoader(use: (loader: PictogramLoader) => void): void {
	if (loader) return use(loader);
	// In a task of its own: the first such pictogram is usually met while a screen hydrates, and
	// the import's preload helper (URLs resolved, links added to the page) would lengthen that task.
	// Not domain/once.ts: this file is in every page's first script, where importing it made a
	// chunk of its own (+260 B gzip, over the first route's budget) for these few lines.
	loading ??= yieldToMain()
		.then(() => import('./pictogram-loader'))
		.then(
			(module) => (loader = module),
			(error: unknown) => {
				loading = undefined; // a failed load (offline, before the files were kept) is tried again next time
				throw error;
			}
		);
	loading.then(use, () => undefined); // the pictogram stays blank: its place is kept, nothing breaks
}

/** An attachment for Picto's `<svg>`: keeps the build's drawing of `ref`, or has it drawn. */
export function drawPictogram(ref: string, lazy: boolean) {
	return (svg: SVGSVGElement) => {
		if (svg.getAttribute('data-drawn') === ref) return;
		svg.removeAttribute('data-drawn');
		svg.replaceChildren(); // another pictogram's drawing must not stay while this one loads
		let live = true;
		let stop: (() => void) | undefined;
		withLoader((module) => {
			if (live) stop = module.draw(svg, ref, lazy);
		});
		return () => {
			live = false;
			stop?.();
		};
	};
}
