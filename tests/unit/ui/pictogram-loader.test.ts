import { describe, it, expect, vi } from 'vitest';
import { loadPictogram } from '../../../src/lib/ui/pictogram-loader';

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
