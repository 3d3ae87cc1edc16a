/**
 * offline_cold_start_ms: opening the app with no network, served by its service worker, under a
 * 4× CPU slowdown. For each sample: a first visit in a fresh profile, wait until the service
 * worker controls the page, turn the throttling on, go offline, reload; the figure is
 * performance.now() (relative to the navigation start) at the first moment the home screen's
 * first pictogram tile ([data-testid=tile-experiences]) is visible and html[data-ready=true],
 * i.e. the app has booted and the tile responds to a tap. Median of BENCH_COLD_STARTS (5) samples.
 *
 * The moment is caught by an init script that runs at the start of every document (a
 * MutationObserver plus a per-frame check), so no CDP round trip is counted.
 */
import type { MeasureContext } from '../bench';
import { launchChromium, median, newBenchContext, throttleCpu } from './browser';

const SAMPLES = Number(process.env.BENCH_COLD_STARTS) || 5;

/** Records window.__benchHomeReady = performance.now() once the first tile is usable. */
const WATCH_HOME_READY = `(() => {
	const ready = () => {
		const tile = document.querySelector('[data-testid="tile-experiences"]');
		return document.documentElement.dataset.ready === 'true' && !!tile && tile.checkVisibility({ visibilityProperty: true, opacityProperty: true });
	};
	let done = false;
	const check = () => {
		if (done || !ready()) return;
		done = true;
		window.__benchHomeReady = performance.now();
		observer.disconnect();
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true, attributes: true });
	const frame = () => { check(); if (!done) requestAnimationFrame(frame); };
	requestAnimationFrame(frame);
})();`;

async function sample(ctx: MeasureContext, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<number> {
	const context = await newBenchContext(browser, {
		viewport: { width: 360, height: 640 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2
	});
	try {
		await context.addInitScript(WATCH_HOME_READY);
		const page = await context.newPage();
		await page.goto(`${ctx.baseUrl}/`);
		await page.waitForFunction(
			async () => {
				const registration = await navigator.serviceWorker.ready;
				return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
			},
			undefined,
			{ timeout: 60_000 }
		);
		await page.waitForFunction(() => (window as { __benchHomeReady?: number }).__benchHomeReady, undefined, {
			timeout: 30_000
		});
		const cdp = await throttleCpu(context, page);
		// setOffline cuts the page and its service worker off the network; the page's own emulation is
		// repeated on the CDP session above because attaching that session resets navigator.onLine.
		await context.setOffline(true);
		await cdp.send('Network.emulateNetworkConditions', {
			offline: true,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1
		});
		const response = await page.reload({ waitUntil: 'commit' });
		const ms = await page.waitForFunction(() => (window as { __benchHomeReady?: number }).__benchHomeReady, undefined, {
			timeout: 60_000
		});
		const start = await page.evaluate(async () => ({
			// Not navigator.onLine: after a reload under emulation, what it says varies with Chromium's
			// version. A request for a file the worker does not keep tells: offline, it fails.
			reachable: await fetch(`./bench-offline-probe-${Date.now()}`, { cache: 'no-store' }).then(
				() => true,
				() => false
			),
			controlled: navigator.serviceWorker.controller !== null,
			fromServiceWorker: false
		}));
		start.fromServiceWorker = response?.fromServiceWorker() ?? false;
		if (start.reachable || !start.controlled || !start.fromServiceWorker)
			throw new Error(`the reload was not an offline start served by the service worker: ${JSON.stringify(start)}`);
		return Math.round((await ms.jsonValue()) as number);
	} finally {
		await context.close();
	}
}

export async function measureOfflineColdStart(ctx: MeasureContext): Promise<Record<string, unknown>> {
	const browser = await launchChromium(ctx.chromePath);
	try {
		const samples: number[] = [];
		for (let i = 0; i < SAMPLES; i++) samples.push(await sample(ctx, browser));
		return { offline_cold_start_ms: median(samples), offline_cold_start_samples_ms: samples };
	} finally {
		await browser.close();
	}
}
