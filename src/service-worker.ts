/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the whole build with content revisions (injected after the build by
 * scripts/inject-precache.ts) and serves every navigation from the cache, so Atouts
 * works offline after the first visit. A new version waits until the page says
 * SKIP_WAITING (the person tapped "update", or no screen was in view).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

precacheAndRoute(self.__WB_MANIFEST, { cleanURLs: true, directoryIndex: 'index.html' });
cleanupOutdatedCaches();

// Prerendered routes are matched by precacheAndRoute (cleanURLs); anything else gets the SPA shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('200.html')));

/** Cache-first: what is fetched once is kept and served offline from then on. */
function cacheFirst(cacheName: string) {
	return async ({ request }: { request: Request }) => {
		const cache = await caches.open(cacheName);
		const cached = await cache.match(request);
		if (cached) return cached;
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	};
}

// Script subsets (Arabic, Cyrillic) and the high-legibility face.
registerRoute(
	({ url, request }) => request.destination === 'font' && url.origin === self.location.origin,
	cacheFirst('atouts-fonts-v1')
);

// The offline fallback voice (engine and one file per language): only devices without a voice
// of their own download it. Names carry a content hash, so a new build never serves stale data.
const VOICE_CACHE = 'atouts-voice-fallback';
registerRoute(
	({ url }) =>
		url.origin === self.location.origin &&
		url.pathname.includes('/voice-fallback/') &&
		!url.pathname.endsWith('/manifest.json'),
	cacheFirst(VOICE_CACHE)
);

self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** Drops fallback-voice files the new build no longer names (an older engine or dictionary). */
async function pruneVoiceCache(): Promise<void> {
	const response = await caches.match('voice-fallback/manifest.json', { ignoreSearch: true });
	if (!response) return;
	const manifest = (await response.json()) as {
		engine: string;
		common: { file: string };
		languages: Record<string, { file: string }>;
	};
	const current = new Set([
		manifest.engine,
		manifest.common.file,
		...Object.values(manifest.languages).map((l) => l.file)
	]);
	const cache = await caches.open(VOICE_CACHE);
	for (const request of await cache.keys()) {
		const name = new URL(request.url).pathname.split('/').pop() ?? '';
		if (!current.has(name)) await cache.delete(request);
	}
}

// First install only: take control at once so the first visit is already offline-ready.
self.addEventListener('activate', (event) => {
	event.waitUntil(Promise.all([self.clients.claim(), pruneVoiceCache().catch(() => undefined)]));
});
