/**
 * What a route really downloads as JS on a first visit: every script the page fetches, including
 * those the app imports itself once it runs (i18next, the database layer, zod, the content),
 * gzip -9 like the byte budgets. Shared by the bench (route_js_loaded_gz_bytes) and the browser
 * budget test (tests/e2e/route-js-budget.spec.ts).
 * `data` is content shipped as JS modules (the packs' structure and texts, a language's interface
 * texts), told apart by the chunk's source in Vite's manifest; `code` is the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';
const PACKS = 'src/lib/content/packs';

interface Chunk {
	file: string;
	src?: string;
	name?: string;
}

export interface RouteJs {
	total: number;
	code: number;
	data: number;
	files: number;
}

/**
 * URL paths of the built files that hold content rather than code: the packs' structure and
 * texts, and (unless `locales` is false) the interface texts of each language.
 */
export function contentChunkPaths({ locales = true } = {}): Set<string> {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Chunk>;
	// The strings' shared key lists are chunks named after their section (compact-pack-strings.ts).
	const sections = new Set(
		readdirSync(PACKS).flatMap((pack) =>
			readdirSync(`${PACKS}/${pack}/strings/fr`).map((file) => file.replace(/\.json$/, ''))
		)
	);
	return new Set(
		Object.entries(manifest)
			.filter(
				([key, chunk]) =>
					(locales ? /content\/packs\/|i18n\/locales\/|atouts-strings:/ : /content\/packs\/|atouts-strings:/).test(
						chunk.src ?? key
					) ||
					chunk.name === 'shipped-packs' ||
					sections.has(chunk.name ?? '')
			)
			.map(([, chunk]) => `/${chunk.file}`)
	);
}

/**
 * Opens `url` in `page` (a fresh context, service workers blocked: a worker would fetch every file
 * to precache it) and sums the scripts it downloads until the network is idle and a second more.
 */
export async function routeJs(page: Page, url: string, content: Set<string>): Promise<RouteJs> {
	const bodies: Promise<{ path: string; gz: number }>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		const path = new URL(response.url()).pathname;
		bodies.push(response.body().then((body) => ({ path, gz: gzipSync(body, { level: 9 }).length })));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.waitForTimeout(1000); // anything started once idle (late imports)
	const scripts = await Promise.all(bodies);
	const total = scripts.reduce((n, s) => n + s.gz, 0);
	const data = scripts.filter((s) => content.has(s.path)).reduce((n, s) => n + s.gz, 0);
	return { total, code: total - data, data, files: scripts.length };
}
