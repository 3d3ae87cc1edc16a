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

// Script subsets (Arabic, Cyrillic) and the high-legibility face: cache-first, kept once fetched.
const FONT_CACHE = 'atouts-fonts-v1';
registerRoute(
	({ url, request }) => request.destination === 'font' && url.origin === self.location.origin,
	async ({ request }) => {
		const cache = await caches.open(FONT_CACHE);
		const cached = await cache.match(request);
		if (cached) return cached;
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	}
);

self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// First install only: take control at once so the first visit is already offline-ready.
self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim());
});
