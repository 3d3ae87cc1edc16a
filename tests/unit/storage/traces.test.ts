import { describe, expect, it } from 'vitest';
import { clearTraces, isAppCache } from '../../../src/lib/storage/traces';

function fakeSession(entries: Record<string, string>) {
	const map = new Map(Object.entries(entries));
	return {
		map,
		get length() {
			return map.size;
		},
		key: (i: number) => [...map.keys()][i] ?? null,
		removeItem: (key: string) => void map.delete(key)
	};
}

function fakeCaches(names: string[]) {
	const set = new Set(names);
	return {
		set,
		keys: async () => [...set],
		delete: async (name: string) => set.delete(name)
	};
}

describe('clearTraces', () => {
	it('removes this tab’s Atouts keys and keeps others', async () => {
		const session = fakeSession({ 'atouts.activeProfile': 'anna', 'atouts.coach': 'x', other: 'keep' });
		const result = await clearTraces({ session });
		expect(result.keys.sort()).toEqual(['atouts.activeProfile', 'atouts.coach']);
		expect([...session.map.keys()]).toEqual(['other']);
	});

	it('deletes every cache that is not one of the app’s own', async () => {
		const caches = fakeCaches([
			'workbox-precache-v2-http://127.0.0.1:4173/',
			'atouts-fonts-v1',
			'atouts-voice-fallback',
			'atouts-evidence',
			'something-else'
		]);
		const result = await clearTraces({ caches });
		expect(result.caches.sort()).toEqual(['atouts-evidence', 'something-else']);
		expect([...caches.set].every(isAppCache)).toBe(true);
		expect(caches.set.size).toBe(3);
	});

	it('works where the browser has neither', async () => {
		expect(await clearTraces({})).toEqual({ caches: [], keys: [] });
	});
});
