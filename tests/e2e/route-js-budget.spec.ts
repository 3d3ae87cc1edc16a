/**
 * Byte budget: the JS a participant route downloads in all on a first visit (what its HTML loads
 * and what the app imports once running), in French and in Arabic, within `route_js_gz_bytes`.
 * `npm run budgets` checks the part the HTML loads up front; only a browser sees the rest.
 * Content travels as JSON files beside the scripts; the bench reports their bytes.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { routeJs } from '../../scripts/lib/route-js';
import { MEASURED_LANGUAGES, PARTICIPANT_ROUTES } from '../../scripts/lib/participant-routes';
import { appScriptsLoaded, sampleLink } from './helpers';

const BUDGET = (JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { route_js_gz_bytes: number })
	.route_js_gz_bytes;
const WITH_CONTENT = ['/experiences', '/quiz', '/strengths', '/portfolio', '/share'];
/** In i18next's code only: it is for the texts only it reads, the PDF and the studio (src/lib/i18n/texts.ts). */
const I18NEXT = 'missingKeyHandler';

for (const lang of MEASURED_LANGUAGES)
	test.describe(lang, () => {
		test(
			`${lang}: every participant route's JS is within ${BUDGET} bytes gzip`,
			{ tag: '@phone-only' },
			async ({ browser, baseURL }) => {
				test.setTimeout(120_000);
				for (const route of PARTICIPANT_ROUTES) {
					const context = await browser.newContext({ locale: lang, serviceWorkers: 'block' });
					const url = route === '/share' ? sampleLink(new URL('/', baseURL).href) : new URL(route, baseURL).href;
					const page = await context.newPage();
					const scripts = appScriptsLoaded(page);
					const js = await routeJs(page, url);
					await context.close();
					expect(js.files, `${route} loads scripts`).toBeGreaterThan(5);
					expect.soft(js.js, `${route} (${lang}): JS, gzip bytes`).toBeLessThanOrEqual(BUDGET);
					expect.soft(scripts.containing(I18NEXT), `${route} (${lang}): i18next`).toEqual([]);
					// Screens with pack content fetch its files, and every screen in Arabic its interface
					// texts: the content really came as files, and the phone was in that language.
					if (lang !== 'fr' || WITH_CONTENT.includes(route))
						expect.soft(js.json, `${route} (${lang}): content files`).toBeGreaterThan(0);
					else expect.soft(js.json, `${route} (${lang}): content files`).toBe(0);
				}
			}
		);
	});
