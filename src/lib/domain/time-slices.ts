/**
 * Working through thousands of records without freezing the page. A task that runs for more
 * than ~50 ms delays the next tap and the next paint; on a slow phone, reading, checking or
 * rendering a big profile in one go froze the screen for over a second. Long loops here run in
 * slices of a few milliseconds and give the main thread back between slices.
 * No DOM needed: it runs the same in Node (tests) and in the browser.
 */

/** How long one slice may run. Small enough to stay far under 50 ms on a phone 4× slower than a laptop. */
export const SLICE_MS = 8;

interface YieldingScheduler {
	yield?: () => Promise<void>;
}

/**
 * Lets the browser handle input, paint and other tasks, then resumes. `scheduler.yield()`
 * resumes ahead of other queued tasks; elsewhere a message (setTimeout nested in a loop is
 * held back 4 ms each time after five levels), and a timer where there is no MessageChannel.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	if (typeof MessageChannel === 'function')
		return new Promise((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				channel.port1.close(); // an open port would keep Node (tests) running
				resolve();
			};
			channel.port2.postMessage(null);
		});
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A hidden page draws no frames: past this, afterNextFrame goes on without one. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in a task after the next frame is drawn. Work that adds to the page (and must then be
 * laid out and painted) is spread over frames this way; after yieldToMain alone, several steps
 * can land in one frame, whose layout and paint are then one long task again.
 */
export function afterNextFrame(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function') return yieldToMain();
	return new Promise((resolve) => {
		let done = false;
		const go = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			void yieldToMain().then(resolve);
		};
		const timer = setTimeout(go, FRAME_WAIT_MS);
		requestAnimationFrame(go);
	});
}

export interface SliceOptions {
	/** Longest run between two yields, in milliseconds. */
	budgetMs?: number;
	/** For tests: the clock and the yield. */
	now?: () => number;
	pause?: () => Promise<void>;
}

const clock = () => globalThis.performance?.now() ?? Date.now();

/**
 * Calls `step` on every item in order, yielding to the main thread whenever the current slice
 * has run for `budgetMs`. Work is the same as a plain loop; only the order of tasks changes.
 */
export async function forEachInSlices<T>(
	items: readonly T[],
	step: (item: T, index: number) => void,
	{ budgetMs = SLICE_MS, now = clock, pause = yieldToMain }: SliceOptions = {}
): Promise<void> {
	let sliceStart = now();
	for (let i = 0; i < items.length; i++) {
		step(items[i]!, i);
		if (i < items.length - 1 && now() - sliceStart >= budgetMs) {
			await pause();
			sliceStart = now();
		}
	}
}

/** `items.map(step)`, in slices (see forEachInSlices). */
export async function mapInSlices<T, R>(
	items: readonly T[],
	step: (item: T, index: number) => R,
	options?: SliceOptions
): Promise<R[]> {
	const out: R[] = [];
	await forEachInSlices(items, (item, i) => void out.push(step(item, i)), options);
	return out;
}

/**
 * `JSON.stringify(value)` of a plain object (no toJSON, no spacing), with the items of its
 * top-level arrays written in slices: a backup of 5,000 answers is a megabyte of JSON.
 * The text is exactly what JSON.stringify gives.
 */
export async function stringifyInSlices(value: object, options?: SliceOptions): Promise<string> {
	const parts: string[] = [];
	for (const [key, item] of Object.entries(value)) {
		const text = Array.isArray(item)
			? `[${(await mapInSlices(item, (element: unknown) => JSON.stringify(element) ?? 'null', options)).join(',')}]`
			: JSON.stringify(item);
		// Like JSON.stringify: properties that are undefined, functions or symbols are left out.
		if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
	}
	return `{${parts.join(',')}}`;
}
