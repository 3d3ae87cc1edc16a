/**
 * What a browser may keep of a person outside IndexedDB, cleared when their profile is wiped
 * or a guest's session ends: this tab's sessionStorage and Cache Storage.
 *
 * Cache Storage only ever holds the app's own files (the precache, fonts, the offline voice:
 * see src/service-worker.ts), never a record or a Blob. Any other cache (left by an older
 * version, or added one day by mistake) is deleted whole, so nothing personal can stay there.
 * Object URLs of Blobs die with the page, and every end of session reloads it.
 */
export const APP_CACHE_PREFIXES = ['workbox-precache', 'atouts-fonts-', 'atouts-voice-fallback'] as const;
export const SESSION_KEY_PREFIX = 'atouts.';

export interface TraceStores {
	caches?: Pick<CacheStorage, 'keys' | 'delete'>;
	session?: Pick<Storage, 'key' | 'length' | 'removeItem'>;
}

function browserStores(): TraceStores {
	const stores: TraceStores = {};
	try {
		stores.session = globalThis.sessionStorage;
	} catch {
		// no sessionStorage in this context
	}
	if (typeof globalThis.caches !== 'undefined') stores.caches = globalThis.caches;
	return stores;
}

export const isAppCache = (name: string) => APP_CACHE_PREFIXES.some((prefix) => name.startsWith(prefix));

/** Clears this tab's Atouts keys and every cache that is not the app's own. Says what it removed. */
export async function clearTraces(
	stores: TraceStores = browserStores()
): Promise<{ caches: string[]; keys: string[] }> {
	const keys: string[] = [];
	const session = stores.session;
	if (session) {
		for (let i = 0; i < session.length; i++) {
			const key = session.key(i);
			if (key?.startsWith(SESSION_KEY_PREFIX)) keys.push(key);
		}
		for (const key of keys) session.removeItem(key);
	}
	const removed: string[] = [];
	if (stores.caches) {
		for (const name of await stores.caches.keys().catch(() => [] as string[])) {
			if (!isAppCache(name) && (await stores.caches.delete(name).catch(() => false))) removed.push(name);
		}
	}
	return { caches: removed, keys };
}
