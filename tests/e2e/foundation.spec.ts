import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, expectPictogramDrawn, readStore, waitForApp, waitForServiceWorker } from './helpers';

export const ROUTES = ['/', '/experiences', '/quiz', '/strengths', '/portfolio', '/share', '/settings', '/credits'];

test('the service worker takes control and the app works offline, settings kept', async ({ page, context }) => {
	await page.goto('/');
	await waitForApp(page);
	await waitForServiceWorker(page);
	await expect(page.getByTestId('offline-ready')).toBeVisible();

	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('text-size-large').click();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
	const settings = await readStore(page, 'settings');
	expect(settings).toHaveLength(1);

	await context.setOffline(true);
	await page.goto('/');
	await waitForApp(page);
	await expect(page.getByTestId('tile-quiz')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
	await expectPictogramDrawn(page.getByTestId('tile-quiz').locator('svg.picto'));
	// Pictograms the build did not draw into the page (tiles below a phone's first screen, see
	// first-paint.spec) are drawn from the files the service worker keeps.
	await page.goto('/experiences');
	await waitForApp(page);
	const lastTile = page.locator('ul.grid button[data-testid^="experience-"]').last();
	await lastTile.scrollIntoViewIfNeeded();
	await expectPictogramDrawn(lastTile.locator('svg.picto'));

	for (const route of ROUTES) {
		const response = await page.goto(route);
		expect(response?.status(), `offline ${route}`).toBe(200);
		await waitForApp(page);
		await expect(page.locator('h1'), `offline ${route}`).toBeVisible();
	}
	await context.setOffline(false);
});

test('every route is prerendered as its own HTML file', async ({ request }) => {
	for (const route of ROUTES) {
		const file = route === '/' ? '/index.html' : `${route}.html`;
		const response = await request.get(file);
		expect(response.status(), file).toBe(200);
		const html = await response.text();
		expect(html, file).toContain('<h1');
		expect(html, file).toMatch(/http-equiv="content-security-policy"/i);
	}
});

test('the manifest parses, its icons exist, and Chromium finds it installable', async ({ page, request }) => {
	const response = await request.get('/manifest.webmanifest');
	expect(response.status()).toBe(200);
	const manifest = (await response.json()) as {
		name: string;
		lang: string;
		display: string;
		icons: { src: string; sizes: string; purpose: string }[];
		shortcuts: { url: string }[];
	};
	expect(manifest.name).toBe('Atouts');
	expect(manifest.lang).toBe('fr');
	expect(manifest.display).toBe('standalone');
	expect(manifest.icons.map((i) => `${i.sizes}:${i.purpose}`)).toEqual(
		expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable'])
	);
	expect(manifest.shortcuts.map((s) => s.url)).toEqual(['./experiences', './portfolio']);
	for (const icon of manifest.icons) {
		const file = await request.get(`/${icon.src}`);
		expect(file.status(), icon.src).toBe(200);
		expect((await file.body()).length, icon.src).toBeGreaterThan(200);
	}
	await page.goto('/');
	await waitForApp(page);
	await waitForServiceWorker(page);
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
		installabilityErrors: { errorId: string }[];
	};
	// Playwright's contexts are incognito-like; that is the test's situation, not the app's.
	expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

for (const route of ROUTES) {
	test(`axe finds no violation on ${route}`, async ({ page }) => {
		await page.goto(route);
		await waitForApp(page);
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
		await expectNoAxeViolations(page, route);
	});
}

test('help opens on a tap with what to do, closes, and its pictograms load only then', async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto('/credits');
	await waitForApp(page);
	const speaker = 'pictos/fluent-emoji-flat/speaker-high-volume.svg';
	const dialog = page.locator('dialog.help-dialog');
	await expect(dialog).not.toBeVisible();
	expect(requested.filter((url) => url.includes(speaker))).toEqual([]);

	await page.getByTestId('help').click();
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Help');
	await expect(dialog.locator('.help-text')).not.toBeEmpty();
	// Focus moves into the open dialog (its content was put in place before it opened).
	expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
	await expect.poll(() => requested.filter((url) => url.includes(speaker)).length).toBeGreaterThan(0);
	await expectNoAxeViolations(page, 'help open');

	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).not.toBeVisible();
	await page.getByTestId('help').click();
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).not.toBeVisible();
});

test('a first visit fetches no text font; once the service worker serves the pages, they use the fonts it keeps', async ({
	page,
	context
}) => {
	const fontRequests: string[] = []; // the page's own, not the worker's install
	page.on('request', (request) => {
		if (/\/fonts\/noto-sans-[^/]+\.woff2$/.test(request.url())) fontRequests.push(request.url());
	});
	const textFaces = () =>
		page.evaluate(async () => {
			await document.fonts.ready;
			return {
				body: getComputedStyle(document.body).fontFamily,
				loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''))
			};
		});

	await page.goto('/');
	await waitForApp(page);
	await waitForServiceWorker(page);
	await expect(page.locator('html')).not.toHaveAttribute('data-fonts');
	expect((await textFaces()).body).toBe('system-ui, sans-serif');
	expect((await textFaces()).loaded).not.toContain('Noto Sans');
	expect(fontRequests).toEqual([]);

	await page.reload();
	await waitForApp(page);
	await expect(page.locator('html')).toHaveAttribute('data-fonts', '');
	expect((await textFaces()).body).toMatch(/^"?Noto Sans"?, /);
	await expect.poll(async () => (await textFaces()).loaded).toContain('Noto Sans');

	await context.setOffline(true); // from the worker's precache, not the network
	await page.reload();
	await waitForApp(page);
	await expect.poll(async () => (await textFaces()).loaded).toContain('Noto Sans');
	await context.setOffline(false);
});
