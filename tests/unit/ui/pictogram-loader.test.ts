import { describe, it, expect, vi } from 'vitest';
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

describe('draw', () => {
	const fakeSvg = () => {
		const attributes = new Map<string, string>();
		return {
			innerHTML: '',
			setAttribute: (name: string, value: string) => void attributes.set(name, value),
			attributes
		};
	};
	const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

	it('draws each pictogram once its file is here, with its viewBox and its own ids, and marks it drawn', async () => {
		const withClip = '<svg viewBox="0 0 32 32"><g clip-path="url(#a)"/><clipPath id="a"/></svg>';
		await loadPictogram('fluent-emoji-flat:clip', () => answer(withClip));
		const [a, b] = [fakeSvg(), fakeSvg()];
		draw(a as unknown as SVGSVGElement, 'fluent-emoji-flat:clip', false);
		draw(b as unknown as SVGSVGElement, 'fluent-emoji-flat:clip', false);
		await settle();
		for (const svg of [a, b]) {
			expect(svg.attributes.get('viewBox')).toBe('0 0 32 32');
			expect(svg.attributes.get('data-drawn')).toBe('fluent-emoji-flat:clip');
		}
		const idOf = (svg: { innerHTML: string }) => /id="([^"]+)"/.exec(svg.innerHTML)![1];
		expect(idOf(a)).not.toBe(idOf(b));
		expect(a.innerHTML).toContain(`url(#${idOf(a)})`);
	});

	it('never paints a drawing that was stopped first (the screen changed while it loaded)', async () => {
		let release!: (response: Response) => void;
		const pending = loadPictogram('fluent-emoji-flat:slow', () => new Promise((resolve) => (release = resolve)));
		const svg = fakeSvg();
		const stop = draw(svg as unknown as SVGSVGElement, 'fluent-emoji-flat:slow', false);
		stop();
		release(new Response(file));
		await pending;
		await settle();
		expect(svg.innerHTML).toBe('');
		expect(svg.attributes.size).toBe(0);
	});

	it('draws a whole screen of pictograms in turns, not all in one task', async () => {
		const refs = Array.from({ length: 200 }, (_, i) => `fluent-emoji-flat:many-${i}`);
		await Promise.all(refs.map((ref) => loadPictogram(ref, () => answer(file))));
		const svgs = refs.map(() => fakeSvg());
		// Each drawing here takes a millisecond (a slow phone's innerHTML), so the turns must yield.
		const slow = svgs.map((svg) => {
			let html = '';
			Object.defineProperty(svg, 'innerHTML', {
				get: () => html,
				set: (value: string) => {
					const until = performance.now() + 1;
					while (performance.now() < until);
					html = value;
				}
			});
			return svg;
		});
		slow.forEach((svg, i) => draw(svg as unknown as SVGSVGElement, refs[i]!, false));
		const drawnInFirstTask = slow.filter((svg) => svg.innerHTML !== '').length;
		expect(drawnInFirstTask).toBeGreaterThan(0);
		expect(drawnInFirstTask).toBeLessThan(refs.length);
		await vi.waitFor(() => expect(slow.every((svg) => svg.innerHTML !== '')).toBe(true), { timeout: 5000 });
	});
});
