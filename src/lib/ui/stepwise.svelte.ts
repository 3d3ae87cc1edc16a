/**
 * How much of a long list is in the page so far. A list of at most `atOnce` items renders whole,
 * at once; a longer one starts with `first` items and grows by `step` items at a time, each step
 * a short task, so that a big portfolio never freezes a slow phone. Steps that show on screen wait
 * for the next frame (`pause: 'frame'`), so that each frame lays out and paints only one step;
 * steps that land off-screen only let other tasks run (`'task'`, quicker). With `targetMs`, each
 * step is resized from how long the last one took to render.
 * Call it while a component initialises: it owns an effect.
 */
import { nextStep } from '../domain/portfolio';
import { afterNextFrame, yieldToMain } from '../domain/time-slices';

export interface StepwiseOptions {
	atOnce: number;
	first: number;
	step: number;
	pause: 'frame' | 'task';
	targetMs?: number;
	maxStep?: number;
}

export interface Stepwise {
	/** Everything is in the page. */
	readonly all: boolean;
	/** How many items are in the page (meaningful while `all` is false). */
	readonly count: number;
}

export function stepwise(total: () => number, options: StepwiseOptions): Stepwise {
	const { atOnce, first, targetMs, maxStep = 24 } = options;
	let shown = $state(first);
	let step = options.step;
	let stepStarted = 0;
	const all = $derived(total() <= atOnce || shown >= total());

	$effect(() => {
		void shown; // runs again after every step, not only when `all` changes
		if (all) return;
		// This runs once the last step is in the page (same task): size the next one from it.
		if (stepStarted && targetMs) step = nextStep(step, performance.now() - stepStarted, targetMs, maxStep);
		stepStarted = 0; // measured once: a later run (the list changed) says nothing about this step
		let cancelled = false;
		void (options.pause === 'frame' ? afterNextFrame() : yieldToMain()).then(() => {
			if (cancelled) return;
			stepStarted = performance.now();
			shown += step;
		});
		return () => (cancelled = true);
	});

	return {
		get all() {
			return all;
		},
		get count() {
			return shown;
		}
	};
}
