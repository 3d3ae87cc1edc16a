/**
 * The shared view shows French titles beside the reader's language: content.loadWith('fr') asks
 * for the French texts while the pack is still downloading (on slow 4G, one round trip less
 * before the list), and they are in place once it resolves.
 */
import { describe, expect, it, vi } from 'vitest';

/** A promise resolved from outside: the "network" answers when the test says so. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

const structure = deferred<readonly unknown[]>();
const asked: string[] = [];
vi.mock('../../../src/lib/content/shipped-packs', () => ({
	loadShippedPacks: () => structure.promise,
	loadShippedStrings: (lang: string) => {
		asked.push(lang);
		return Promise.resolve({ [`greeting`]: `hello in ${lang}` });
	}
}));

// A phone in Arabic: the content state downloads Arabic texts with the pack, French only if asked.
vi.stubGlobal('navigator', { ...globalThis.navigator, languages: ['ar'] });
const { content } = await import('../../../src/lib/state/content.svelte');

describe('content.loadWith', () => {
	it('asks for the extra language before the pack arrives, and has its texts once loaded', async () => {
		const loaded = content.loadWith('fr');
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(content.index).toBeNull(); // the pack structure has not arrived yet
		expect(new Set(asked)).toEqual(new Set(['ar', 'fr']));

		structure.resolve([]);
		await loaded;
		expect(content.index).not.toBeNull();
		expect(content.french('greeting')).toBe('hello in fr');
	});
});
