import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import { draw, loadPictogram } from '../../../src/lib/ui/pictogram-loader';

const file = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M1 1h30"/></svg>';
const answer = (body: string, status = 200) => Promise.resolve(new Response(body, { status }));

describe('loadPictogram', () => {
	it('fetches each pictogram once, also when many ask at the same time, then answers from memory', async () => {
		const fetchFile = vi.fn(() => answer(file));
		const asked = await Promise.all([1, 2, 3].map(() => loadPictogram('fluent-emoji-flat:once', fetchFile)));
		expect(asked).toEqual([1, 2, 3].map(() => ({ viewBox: '0 0 32 32', inner: '<path d="M1 1h30"/>' })));
		expect(await loadPictogram('fluent-emoji-flat:once', fetchFile)).toEqual(asked[0]);
		expect(fetchFile).toHaveBeenCalledTimes(1);
		expect(String(fetchFile.mock.calls[0]!.at(0))).toMatch(/pictos\/fluent-emoji-flat\/once\.svg$/);
	});

	it('tries again after a failed fetch or a file that is not a pictogram (offline, not kept yet)', async () => {
		const fetchFile = vi
			.fn<typeof fetch>()
			.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')))
			.mockImplementationOnce(() => answer('Not found', 404))
			.mockImplementationOnce(() => answer('<html>offline page</html>'))
			.mockImplementation(() => answer(file));
		await expect(loadPictogram('fluent-emoji-flat:flaky', fetchFile)).rejects.toThrow('Failed to fetch');
		await expect(loadPictogram('fluent-emoji-flat:flaky', fetchFile)).rejects.toThrow('HTTP 404');
		await expect(loadPictogram('fluent-emoji-flat:flaky', fetchFile)).rejects.toThrow(/not a pictogram/);
		expect((await loadPictogram('fluent-emoji-flat:flaky', fetchFile)).viewBox).toBe('0 0 32 32');
		expect(fetchFile).toHaveBeenCalledTimes(4);
	});
});

/** Just enough of an svg element for draw(): markup in, shapes out, copies counted. */
let parses = 0;
class FakeShape {
	constructor(readonly markup: string) {}
	cloneNode() {
		return new FakeShape(this.markup);
	}
}
class FakeSvg {
	readonly attributes = new Map<string, string>();
	childNodes: FakeShape[] = [];
	/** Each drawing's cost (a slow phone), for the test of turns. */
	slowMs = 0;
	set innerHTML(markup: string) {
		parses++;
		this.childNodes = markup ? [new FakeShape(markup)] : [];
	}
	get innerHTML() {
		return this.childNodes.map((node) => node.markup).join('');
	}
	setAttribute(name: string, value: string) {
		this.attributes.set(name, value);
	}
	replaceChildren(...nodes: FakeShape[]) {
		const until = performance.now() + this.slowMs;
		while (performance.now() < until);
		this.childNodes = nodes;
	}
}
const drawInto = (svg: FakeSvg, ref: string) => draw(svg as unknown as SVGSVGElement, ref, false);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('draw', () => {
	beforeAll(() => {
		vi.stubGlobal('document', { createElementNS: () => new FakeSvg() });
	});
	afterAll(() => {
		vi.unstubAllGlobals();
	});

	it('draws each pictogram once its file is here, with its viewBox, and marks it drawn', async () => {
		const pending = loadPictogram('fluent-emoji-flat:first', () => answer(file)); // what draw() will wait for
		const svgs = [new FakeSvg(), new FakeSvg()];
		for (const svg of svgs) drawInto(svg, 'fluent-emoji-flat:first');
		expect(svgs[0]!.innerHTML).toBe(''); // not here yet
		await pending;
		await settle();
		for (const svg of svgs) {
			expect(svg.attributes.get('viewBox')).toBe('0 0 32 32');
			expect(svg.attributes.get('data-drawn')).toBe('fluent-emoji-flat:first');
			expect(svg.innerHTML).toBe('<path d="M1 1h30"/>');
		}
	});

	it('parses a pictogram once for any number of drawings, except one with ids: each drawing has its own', async () => {
		await loadPictogram('fluent-emoji-flat:speaker', () => answer(file));
		const before = parses;
		const speakers = Array.from({ length: 70 }, () => new FakeSvg());
		for (const svg of speakers) drawInto(svg, 'fluent-emoji-flat:speaker');
		await settle();
		expect(speakers.every((svg) => svg.innerHTML === '<path d="M1 1h30"/>')).toBe(true);
		expect(parses - before).toBe(1);

		const withClip = '<svg viewBox="0 0 32 32"><g clip-path="url(#a)"/><clipPath id="a"/></svg>';
		await loadPictogram('fluent-emoji-flat:clip', () => answer(withClip));
		const [a, b] = [new FakeSvg(), new FakeSvg()];
		drawInto(a, 'fluent-emoji-flat:clip');
		drawInto(b, 'fluent-emoji-flat:clip');
		await settle();
		const idOf = (svg: FakeSvg) => /id="([^"]+)"/.exec(svg.innerHTML)![1];
		expect(idOf(a)).not.toBe(idOf(b));
		expect(a.innerHTML).toContain(`url(#${idOf(a)})`);
	});

	it('never paints a drawing that was stopped first (the screen changed while it loaded)', async () => {
		let release!: (response: Response) => void;
		const pending = loadPictogram('fluent-emoji-flat:slow', () => new Promise((resolve) => (release = resolve)));
		const svg = new FakeSvg();
		const stop = drawInto(svg, 'fluent-emoji-flat:slow');
		stop();
		release(new Response(file));
		await pending;
		await settle();
		expect(svg.innerHTML).toBe('');
		expect(svg.attributes.size).toBe(0);
	});

	it('draws a whole screen of pictograms in turns, not all in one task, also when they wait for one file', async () => {
		for (const [ref, loadFirst] of [
			['fluent-emoji-flat:here', true],
			['fluent-emoji-flat:arriving', false]
		] as const) {
			let release!: (response: Response) => void;
			const pending = loadPictogram(ref, () =>
				loadFirst ? answer(file) : new Promise<Response>((resolve) => (release = resolve))
			);
			if (loadFirst) await pending;
			const svgs = Array.from({ length: 100 }, () => Object.assign(new FakeSvg(), { slowMs: 1 }));
			for (const svg of svgs) drawInto(svg, ref);
			if (!loadFirst) {
				release(new Response(file));
				await pending;
			}
			const drawnInOneTask = svgs.filter((svg) => svg.innerHTML !== '').length;
			expect(drawnInOneTask, ref).toBeLessThan(svgs.length);
			await vi.waitFor(() => expect(svgs.every((svg) => svg.innerHTML !== '')).toBe(true), { timeout: 5000 });
		}
	});
});
