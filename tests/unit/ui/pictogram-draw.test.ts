import { describe, it, expect, vi, beforeEach } from 'vitest';

// The loader's drawing itself is tested in pictogram-loader.test.ts; here only when it is asked.
const draw = vi.fn<(svg: SVGSVGElement, ref: string, lazy: boolean) => () => void>(() => () => undefined);
vi.mock('../../../src/lib/ui/pictogram-loader', () => ({ draw }));
/** The next task, as the test says: by default at once. */
const yieldToMain = vi.fn(() => Promise.resolve());
vi.mock('../../../src/lib/domain/time-slices', () => ({ yieldToMain }));

/** A fresh pictogram-draw each time: whether the drawer is loaded yet is module state. */
async function freshAttach() {
	vi.resetModules();
	const { drawPictogram } = await import('../../../src/lib/ui/pictogram-draw');
	return (ref: string, svg: ReturnType<typeof fakeSvg>, lazy = false) =>
		drawPictogram(ref, lazy)(svg as unknown as SVGSVGElement);
}

/** Just what the attachment touches. */
function fakeSvg(drawn?: string) {
	const attributes = new Map<string, string>(drawn ? [['data-drawn', drawn]] : []);
	return {
		cleared: 0,
		getAttribute: (name: string) => attributes.get(name) ?? null,
		removeAttribute: (name: string) => void attributes.delete(name),
		replaceChildren() {
			this.cleared++;
		}
	};
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('drawPictogram', () => {
	beforeEach(() => draw.mockClear());

	it('keeps the drawing the build put in the page: no loader, nothing cleared', async () => {
		const attach = await freshAttach();
		const svg = fakeSvg('tabler:check');
		expect(attach('tabler:check', svg)).toBeUndefined();
		await settle();
		expect(draw).not.toHaveBeenCalled();
		expect(svg.cleared).toBe(0);
	});

	it('loads the drawer for the first pictogram, then draws the next ones at once, in the same task', async () => {
		const attach = await freshAttach();
		const first = fakeSvg();
		attach('fluent-emoji-flat:bread', first, true);
		expect(first.cleared).toBe(1);
		await settle();
		expect(draw).toHaveBeenCalledExactlyOnceWith(first, 'fluent-emoji-flat:bread', true);

		// A long list: two or three pictograms a row. Each waiting for a module load of its own
		// (the bundler's preload helper) cost a fifth of each step of rows on a slow phone.
		const next = [fakeSvg(), fakeSvg(), fakeSvg()];
		next.forEach((svg, i) => attach(`tabler:n${i}`, svg));
		expect(draw).toHaveBeenCalledTimes(4);
		expect(draw.mock.calls.slice(1).map(([svg, ref]) => [svg, ref])).toEqual(
			next.map((svg, i) => [svg, `tabler:n${i}`])
		);
	});

	it('a pictogram removed before the drawer arrives is not drawn; one removed after is stopped', async () => {
		const attach = await freshAttach();
		attach('tabler:gone', fakeSvg())?.();
		await settle();
		expect(draw).not.toHaveBeenCalled();

		const stop = vi.fn();
		draw.mockImplementationOnce(() => stop);
		const detach = attach('tabler:kept', fakeSvg());
		await settle();
		expect(draw).toHaveBeenCalledOnce();
		expect(stop).not.toHaveBeenCalled();
		detach?.();
		expect(stop).toHaveBeenCalledOnce();
	});
});

describe('the first pictogram the build did not draw', () => {
	it('asks for the drawer in a task of its own, not in the one building the screen', async () => {
		let nextTask!: () => void;
		yieldToMain.mockReturnValueOnce(new Promise<void>((resolve) => (nextTask = resolve)));
		const attach = await freshAttach();
		draw.mockClear();
		attach('tabler:below', fakeSvg(), true);
		await settle();
		expect(draw).not.toHaveBeenCalled();
		nextTask();
		await settle();
		expect(draw).toHaveBeenCalledOnce();
	});
});
