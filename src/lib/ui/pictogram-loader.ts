/**
 * Draws the pictograms the build did not draw into the prerendered page (pictogram-draw.ts), from
 * the pictogram's file, which the service worker keeps; each file is fetched once per page load.
 * Loaded with the first such pictogram: a first screen the build drew needs none of this.
 */
import { asset } from '$app/paths';
import { pictogramUrl } from '../content/pictogram-sets';
import { parsePictogram, withUniqueIds, type PictogramMarkup } from '../content/pictogram-markup';
import { SLICE_MS, yieldToMain } from '../domain/time-slices';

const loaded = new Map<string, PictogramMarkup>();
const loading = new Map<string, Promise<PictogramMarkup>>();
let drawings = 0;

/** The pictogram's parts, fetched once; a failed fetch (offline, not yet kept) is tried again next time. */
export function loadPictogram(ref: string, fetchFile: typeof fetch = fetch): Promise<PictogramMarkup> {
	const ready = loaded.get(ref);
	if (ready) return Promise.resolve(ready);
	let pending = loading.get(ref);
	if (!pending) {
		pending = fetchFile(asset(`/${pictogramUrl(ref)}` as `/${string}`))
			.then((response) => {
				if (!response.ok) throw new Error(`pictogram ${ref}: HTTP ${response.status}`);
				return response.text();
			})
			.then((text) => {
				const markup = parsePictogram(text);
				loaded.set(ref, markup);
				return markup;
			})
			.finally(() => loading.delete(ref));
		loading.set(ref, pending);
	}
	return pending;
}

/** Pictograms of long lists are drawn once near the screen (most rows of a portfolio start off it). */
const NEAR_SCREEN = '600px';
let observer: IntersectionObserver | undefined;
const waiting = new Map<Element, () => void>();

function whenNearScreen(element: Element, lazy: boolean, then: () => void): (() => void) | undefined {
	if (!lazy || typeof IntersectionObserver !== 'function') {
		then();
		return undefined;
	}
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				observer!.unobserve(entry.target);
				const start = waiting.get(entry.target);
				waiting.delete(entry.target);
				start?.();
			}
		},
		{ rootMargin: NEAR_SCREEN }
	);
	waiting.set(element, then);
	observer.observe(element);
	return () => {
		waiting.delete(element);
		observer?.unobserve(element);
	};
}

/**
 * Starts run a few milliseconds' worth at a time: a screen's worth of pictograms arrives at once
 * (27 tiles near the screen), and their fetches alone, in one task, were ~45 ms at 4× CPU. The
 * first ones run at once; past SLICE_MS in one task, the rest wait for the next turns.
 */
const turns: (() => void)[] = [];
let draining = false;
let sliceStart = 0;
let inThisTask = false;

function inTurn(job: () => void): void {
	if (draining) return void turns.push(job);
	if (!inThisTask) {
		inThisTask = true;
		sliceStart = performance.now();
		queueMicrotask(() => (inThisTask = false)); // the task's own code is done by then
	}
	if (performance.now() - sliceStart <= SLICE_MS) return job();
	turns.push(job);
	draining = true;
	void (async () => {
		while (turns.length) {
			await yieldToMain();
			const start = performance.now();
			do turns.shift()!();
			while (turns.length && performance.now() - start <= SLICE_MS);
		}
		draining = false;
	})();
}

/**
 * A pictogram's shapes, parsed once: a drawing is a deep copy (70 rows of a shared portfolio each
 * have a speaker, and parsing its markup again for each was most of the drawing's time). Pictograms
 * with ids are parsed for each drawing instead, with ids of their own (withUniqueIds).
 */
const parsed = new Map<string, SVGSVGElement>();
function parse(inner: string): SVGSVGElement {
	const holder = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
	holder.innerHTML = inner;
	return holder;
}
function shapesOf(ref: string, markup: PictogramMarkup): Node[] {
	if (markup.inner.includes('id="')) return [...parse(withUniqueIds(markup.inner, `d${++drawings}`)).childNodes];
	let holder = parsed.get(ref);
	if (!holder) parsed.set(ref, (holder = parse(markup.inner)));
	return [...holder.childNodes].map((node) => node.cloneNode(true));
}

/** Draws `ref` into the svg (at once when its file is already here); returns what stops it. */
export function draw(svg: SVGSVGElement, ref: string, lazy: boolean): () => void {
	let live = true;
	const paint = (markup: PictogramMarkup) => {
		if (!live) return;
		svg.setAttribute('viewBox', markup.viewBox);
		svg.replaceChildren(...shapesOf(ref, markup));
		svg.setAttribute('data-drawn', ref);
	};
	const start = () => {
		if (!live) return; // gone (another screen) while waiting for its turn
		const ready = loaded.get(ref);
		if (ready) paint(ready);
		// Drawn in turns too: every row waiting for the same file gets it at the same moment.
		else
			loadPictogram(ref).then(
				(markup) => inTurn(() => paint(markup)),
				() => undefined
			); // blank; tried again next screen
	};
	const stopWaiting = whenNearScreen(svg, lazy, () => inTurn(start));
	return () => {
		live = false;
		stopWaiting?.();
	};
}
