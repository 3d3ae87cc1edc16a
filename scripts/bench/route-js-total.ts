/**
 * `route_js_loaded_gz_bytes`: every script a participant route really downloads on a first visit
 * (fresh profile, no service worker, no tap), gzip -9 like the byte budgets, in French and in
 * Arabic. The budget in `npm test` (route_js_gz_bytes) counts the JS a page's HTML loads up front;
 * this also counts what the app imports itself once it runs (i18next, the database layer, zod,
 * the content packs and their texts), so it is the larger, whole figure.
 * `data` is the part that is content shipped as JS modules (the packs' structure and texts, the
 * interface texts of a language), told apart by the chunk's source in Vite's manifest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { MeasureContext } from '../bench';
import { samplePortfolioLink } from './portfolio-link';
import { launchChromium, newBenchContext } from './browser';

const ROUTES = ['/', '/experiences', '/quiz', '/strengths', '/portfolio', '/share', '/settings'];
const LANGS = ['fr', 'ar'];
const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';

interface Chunk {
	file: string;
	src?: string;
	name?: string;
}

/** Built files that hold content rather than code. */
function contentFiles(): Set<string> {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Chunk>;
	// The strings' shared key lists are chunks named after their section (compact-pack-strings.ts).
	const sections = new Set(
		readdirSync('src/lib/content/packs').flatMap((pack) =>
			readdirSync(`src/lib/content/packs/${pack}/strings/fr`).map((f) => f.replace(/\.json$/, ''))
		)
	);
	const files = Object.entries(manifest)
		.filter(
			([key, chunk]) =>
				/content\/packs\/|i18n\/locales\/|atouts-strings:/.test(chunk.src ?? key) ||
				chunk.name === 'shipped-packs' ||
				sections.has(chunk.name ?? '')
		)
		.map(([, chunk]) => `/${chunk.file}`);
	return new Set(files);
}

export async function measureRouteJsTotals({ baseUrl, chromePath }: MeasureContext): Promise<Record<string, unknown>> {
	const data = contentFiles();
	const figures: Record<string, { total: number; code: number; data: number; files: number }> = {};
	for (const lang of LANGS) {
		const browser = await launchChromium(chromePath, lang);
		try {
			for (const route of ROUTES) {
				const context = await newBenchContext(browser, {
					serviceWorkers: 'block',
					viewport: { width: 360, height: 640 }
				});
				const page = await context.newPage();
				const bodies: Promise<{ path: string; gz: number }>[] = [];
				page.on('response', (response) => {
					if (response.request().resourceType() !== 'script') return;
					const path = new URL(response.url()).pathname;
					bodies.push(response.body().then((body) => ({ path, gz: gzipSync(body, { level: 9 }).length })));
				});
				const url = route === '/share' ? samplePortfolioLink(`${baseUrl}/`) : new URL(route, baseUrl).href;
				await page.goto(url, { waitUntil: 'networkidle' });
				await page.waitForTimeout(1000); // anything started once idle (late imports)
				const scripts = await Promise.all(bodies);
				const sum = (list: typeof scripts) => list.reduce((n, s) => n + s.gz, 0);
				const dataBytes = sum(scripts.filter((s) => data.has(s.path)));
				figures[`${route}:${lang}`] = {
					total: sum(scripts),
					code: sum(scripts) - dataBytes,
					data: dataBytes,
					files: scripts.length
				};
				await context.close();
			}
		} finally {
			await browser.close();
		}
	}
	const totals = Object.values(figures);
	return {
		route_js_loaded_gz_bytes: figures,
		route_js_loaded_gz_bytes_max: Math.max(...totals.map((f) => f.total)),
		route_code_loaded_gz_bytes_max: Math.max(...totals.map((f) => f.code))
	};
}
