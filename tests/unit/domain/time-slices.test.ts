import { describe, it, expect, vi, afterEach } from 'vitest';
import {
	afterNextFrame,
	forEachInSlices,
	mapInSlices,
	stringifyInSlices,
	yieldToMain
} from '../../../src/lib/domain/time-slices';

/** A clock that moves `step` ms each time it is read, and a pause that counts its calls. */
function fakeTime(step: number) {
	let t = 0;
	const pauses: number[] = [];
	return {
		now: () => (t += step),
		pause: async () => void pauses.push(t),
		pauses
	};
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('forEachInSlices', () => {
	it('visits every item once, in order, with its index', async () => {
		const seen: string[] = [];
		await forEachInSlices(['a', 'b', 'c'], (item, i) => seen.push(`${i}:${item}`));
		expect(seen).toEqual(['0:a', '1:b', '2:c']);
	});

	it('pauses each time a slice has used its budget, never after the last item', async () => {
		// Each item "takes" 3 ms (the clock moves 3 ms per read, read once per item): budget 8 ms
		// is spent after three items, so 10 items make slices of 3, 3, 3 and 1.
		const time = fakeTime(3);
		const seen: number[] = [];
		await forEachInSlices(
			Array.from({ length: 10 }, (_, i) => i),
			(i) => seen.push(i),
			{ budgetMs: 8, now: time.now, pause: time.pause }
		);
		expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(time.pauses).toHaveLength(3);
	});

	it('does not pause while under budget', async () => {
		const time = fakeTime(0);
		await forEachInSlices(new Array(1000).fill(0), () => undefined, { now: time.now, pause: time.pause });
		expect(time.pauses).toHaveLength(0);
	});

	it('lets other tasks run between slices', async () => {
		const order: string[] = [];
		setTimeout(() => order.push('timer'), 0);
		const busy = (ms: number) => {
			const end = performance.now() + ms;
			while (performance.now() < end) {
				// spin: one item of "work"
			}
		};
		await forEachInSlices([1, 2, 3, 4, 5, 6], (i) => (busy(3), order.push(`item ${i}`)), { budgetMs: 5 });
		// The timer was due before the loop started; in one long task it would only run after it.
		expect(order.indexOf('timer')).toBeGreaterThan(0);
		expect(order.indexOf('timer')).toBeLessThan(order.length - 1);
	});
});

describe('mapInSlices', () => {
	it('is Array.prototype.map', async () => {
		const time = fakeTime(5);
		const items = Array.from({ length: 50 }, (_, i) => i);
		expect(await mapInSlices(items, (n, i) => n * 2 + i, { budgetMs: 8, now: time.now, pause: time.pause })).toEqual(
			items.map((n, i) => n * 2 + i)
		);
		expect(time.pauses.length).toBeGreaterThan(0);
	});
});

describe('yieldToMain', () => {
	it('uses scheduler.yield when the browser has it', async () => {
		const schedulerYield = vi.fn(() => Promise.resolve());
		vi.stubGlobal('scheduler', { yield: schedulerYield });
		await yieldToMain();
		expect(schedulerYield).toHaveBeenCalledOnce();
	});

	it('resolves without scheduler.yield (message), and without MessageChannel (timer)', async () => {
		await expect(yieldToMain()).resolves.toBeUndefined();
		vi.stubGlobal('MessageChannel', undefined);
		await expect(yieldToMain()).resolves.toBeUndefined();
	});
});

describe('afterNextFrame', () => {
	it('waits for the next frame, then for a task after it', async () => {
		let frame: (() => void) | undefined;
		vi.stubGlobal('requestAnimationFrame', (callback: () => void) => ((frame = callback), 1));
		let done = false;
		const waiting = afterNextFrame().then(() => (done = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(done).toBe(false);
		frame!();
		await waiting;
		expect(done).toBe(true);
	});

	it('goes on without a frame when none comes (a hidden page draws none)', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', () => 1);
		vi.stubGlobal('MessageChannel', undefined); // the pause after the frame runs on the fake timers too
		let done = false;
		const waiting = afterNextFrame().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(50);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(100);
		await waiting;
		expect(done).toBe(true);
	});

	it('is a plain yield where there are no frames (Node)', async () => {
		await expect(afterNextFrame()).resolves.toBeUndefined();
	});
});

describe('stringifyInSlices', () => {
	const cases: Record<string, object> = {
		empty: {},
		flat: { a: 1, b: 'two', c: null, d: true },
		arrays: { list: [1, { x: 'y' }, [2, 3], null], empty: [], text: 'é"\\\n' },
		skipped: { a: undefined, b: () => 1, c: 3, list: [undefined, () => 1, 4] },
		nested: { profile: { id: 'p', nameClip: { file: 'f', mime: 'audio/webm' } }, answers: [{ id: 'a', at: 1 }] },
		'odd keys': { 'quote"key': 1, é: [2], '': 3 }
	};
	it.each(Object.entries(cases))('writes exactly what JSON.stringify writes (%s)', async (_name, value) => {
		expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
	});

	it('writes big arrays in slices', async () => {
		const time = fakeTime(1);
		const value = { format: 'x', answers: Array.from({ length: 500 }, (_, i) => ({ id: `a${i}`, at: i })) };
		expect(await stringifyInSlices(value, { budgetMs: 8, now: time.now, pause: time.pause })).toBe(
			JSON.stringify(value)
		);
		expect(time.pauses.length).toBeGreaterThan(10);
	});
});
