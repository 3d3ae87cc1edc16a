/**
 * Browser tests run against the built app (`npm run build` first) served by scripts/serve.ts (as a static host would),
 * so they exercise the real prerendered pages and service worker, not the dev server.
 *
 * Playwright cannot download its browsers here, so it drives the distribution's Chromium
 * (scripts/find-chrome.ts installs it on Debian CI when missing).
 *
 * Two projects: "phone" and "tablet". A test that only makes sense on one of them can either
 * carry a tag — `test('…', { tag: '@phone-only' }, …)` or `{ tag: '@tablet-only' }` — or skip
 * itself: `test.skip(testInfo.project.name !== 'phone', 'phone layout only')`.
 */
import { defineConfig } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from './scripts/find-chrome';

// E2E_PORT only exists so a second checkout can run its tests while another preview holds 4173.
const PORT = Number(process.env.E2E_PORT) || 4173;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	// The machine has 2 cores; more workers only make the preview server and Chromium fight for CPU.
	workers: 2,
	fullyParallel: true,
	// A flaky test is a bug to fix, not to hide behind retries.
	retries: 0,
	// Whole rounds of ten cards with axe scans on a 2-core machine: give each test room.
	timeout: 90_000,
	expect: { timeout: 10_000 },
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		launchOptions: { executablePath: findChrome(), args: CHROME_FLAGS },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	webServer: {
		command: `npx tsx scripts/serve.ts --port ${PORT}`,
		url: BASE_URL,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	projects: [
		{
			name: 'phone',
			grepInvert: /@tablet-only/,
			use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
		},
		{
			name: 'tablet',
			grepInvert: /@phone-only/,
			use: { viewport: { width: 1024, height: 768 }, hasTouch: true }
		}
	]
});
