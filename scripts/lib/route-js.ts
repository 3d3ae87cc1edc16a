/**
 * What a route really downloads on a first visit: every script the page fetches, including those
 * the app imports itself once it runs (its texts, the database layer, zod, the content state), and
 * apart from them the content files it fetches (the packs' structure and texts, a language's
 * interface texts: JSON, see scripts/lib/data-assets.ts), gzip -9 like the byte budgets. Shared by
 * the bench (route_js_loaded_gz_bytes) and the browser budget test (tests/e2e/route-js-budget.spec.ts).
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { REGISTER_AFTER_LOAD_MS } from '../../src/lib/state/pwa-timing';

/** The content files of a build: JSON assets beside the scripts. */
export const CONTENT_FILE = /\/_app\/immutable\/assets\/[^/]+\.json$/;

export interface RouteJs {
	/** Scripts, gzip bytes. */
	js: number;
	/** Content files, gzip bytes. */
	json: number;
	/** Scripts downloaded. */
	files: number;
}

/**
 * Opens `url` in `page` (a fresh context, service workers blocked: a worker would fetch every file
 * to precache it) and sums what it downloads until the network is idle and a second more.
 */
export async function routeJs(page: Page, url: string): Promise<RouteJs> {
	const bodies: Promise<{ kind: 'js' | 'json'; gz: number }>[] = [];
	let lastResponse = Date.now();
	page.on('response', (response) => {
		lastResponse = Date.now();
		const kind =
			response.request().resourceType() === 'script'
				? 'js'
				: CONTENT_FILE.test(new URL(response.url()).pathname)
					? 'json'
					: undefined;
		if (kind) bodies.push(response.body().then((body) => ({ kind, gz: gzipSync(body, { level: 9 }).length })));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	// What the app starts later on its own counts too: the service worker's registration (and its
	// workbox-window module) waits REGISTER_AFTER_LOAD_MS after load; then a second of quiet.
	await page.waitForTimeout(REGISTER_AFTER_LOAD_MS + 1000);
	while (Date.now() - lastResponse < 1000) await page.waitForTimeout(200);
	const loaded = await Promise.all(bodies);
	const sum = (kind: 'js' | 'json') => loaded.filter((l) => l.kind === kind).reduce((n, l) => n + l.gz, 0);
	return { js: sum('js'), json: sum('json'), files: loaded.filter((l) => l.kind === 'js').length };
}
