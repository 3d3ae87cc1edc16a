/**
 * Byte budget: the code a participant route downloads in all on a first visit (what its HTML loads
 * and what the app imports once running), in French and in Arabic, within `route_js_gz_bytes`.
 * `npm run budgets` checks the part the HTML loads up front; only a browser sees the rest.
 * Content shipped as JS modules (pack texts) is counted apart and reported by the bench.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { contentChunkPaths, routeJs } from '../../scripts/lib/route-js';
import { MEASURED_LANGUAGES, PARTICIPANT_ROUTES } from '../../scripts/lib/participant-routes';
import { sampleLink } from './helpers';

const BUDGET = (JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { route_js_gz_bytes: number })
	.route_js_gz_bytes;
const WITH_CONTENT = ['/experiences', '/quiz', '/strengths', '/portfolio', '/share'];

for (const lang of MEASURED_LANGUAGES)
	test.describe(lang, () => {
		test(
			`${lang}: every participant route's code is within ${BUDGET} bytes gzip`,
			{ tag: '@phone-only' },
			async ({ browser, baseURL }) => {
				test.setTimeout(120_000);
				const content = contentChunkPaths();
				for (const route of PARTICIPANT_ROUTES) {
					const context = await browser.newContext({ locale: lang, serviceWorkers: 'block' });
					const url = route === '/share' ? sampleLink(new URL('/', baseURL).href) : new URL(route, baseURL).href;
					const js = await routeJs(await context.newPage(), url, content);
					await context.close();
					expect(js.files, `${route} loads scripts`).toBeGreaterThan(5);
					expect.soft(js.code, `${route} (${lang}): code JS, gzip bytes`).toBeLessThanOrEqual(BUDGET);
					// Screens with pack content download its texts, and every screen in Arabic its interface
					// texts: the split did find the content chunks, and the phone was in that language.
					if (lang !== 'fr' || WITH_CONTENT.includes(route))
						expect.soft(js.data, `${route} (${lang}): content data`).toBeGreaterThan(0);
				}
			}
		);
	});
