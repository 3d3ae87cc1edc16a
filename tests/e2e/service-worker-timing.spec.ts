/**
 * The service worker's install (the whole app, for offline use) waits until the first screen has
 * settled: registered at once, it took that screen's bandwidth and the device's cores.
 */
import { test, expect } from '@playwright/test';
import { REGISTER_AFTER_LOAD_MS } from '../../src/lib/state/pwa-timing';
import { waitForApp, waitForServiceWorker } from './helpers';

test('a first visit registers the service worker only once its first screen has settled', async ({ page }) => {
	await page.addInitScript(`(() => {
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (...args) {
			window.__registeredAt = performance.now();
			return register.apply(this, args);
		};
	})()`);
	await page.goto('/experiences');
	await waitForApp(page);
	await waitForServiceWorker(page);
	const { registeredAt, loadEnd } = await page.evaluate(() => ({
		registeredAt: (window as unknown as { __registeredAt?: number }).__registeredAt,
		loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd
	}));
	expect(registeredAt, 'the app registered its worker').toBeDefined();
	expect(loadEnd).toBeGreaterThan(0);
	expect(registeredAt! - loadEnd).toBeGreaterThanOrEqual(REGISTER_AFTER_LOAD_MS);
	// And then it works as before: offline, the screen still opens.
	await page.context().setOffline(true);
	await page.reload();
	await waitForApp(page);
	await expect(page.locator('h1')).toBeVisible();
	await page.context().setOffline(false);
});
