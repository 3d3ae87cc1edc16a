/**
 * `route_js_loaded_gz_bytes`: every script a participant route really downloads on a first visit
 * (fresh profile, no service worker, no tap), in French and in Arabic, and the content files it
 * fetches beside them (scripts/lib/route-js.ts). The eager budget (route_js_gz_bytes, from the
 * HTML) is checked by `npm run budgets`; the whole of the scripts by tests/e2e/route-js-budget.spec.ts.
 */
import type { MeasureContext } from '../bench';
import { routeJs, type RouteJs } from '../lib/route-js';
import { MEASURED_LANGUAGES, PARTICIPANT_ROUTES } from '../lib/participant-routes';
import { samplePortfolioLink } from './portfolio-link';
import { launchChromium, newBenchContext } from './browser';

export async function measureRouteJsTotals({ baseUrl, chromePath }: MeasureContext): Promise<Record<string, unknown>> {
	const figures: Record<string, RouteJs> = {};
	for (const lang of MEASURED_LANGUAGES) {
		const browser = await launchChromium(chromePath, lang);
		try {
			for (const route of PARTICIPANT_ROUTES) {
				const context = await newBenchContext(browser, {
					serviceWorkers: 'block',
					viewport: { width: 360, height: 640 }
				});
				const url = route === '/share' ? samplePortfolioLink(`${baseUrl}/`) : new URL(route, baseUrl).href;
				figures[`${route}:${lang}`] = await routeJs(await context.newPage(), url);
				await context.close();
			}
		} finally {
			await browser.close();
		}
	}
	const all = Object.values(figures);
	return {
		route_js_loaded_gz_bytes: figures,
		route_js_loaded_gz_bytes_max: Math.max(...all.map((f) => f.js)),
		route_content_json_gz_bytes_max: Math.max(...all.map((f) => f.json))
	};
}
