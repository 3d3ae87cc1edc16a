/**
 * A first visit to a screen with nothing of the person's yet (an empty portfolio, the quiz's start,
 * no strengths) shows it as soon as the device's records are read, without waiting for the content
 * packs to download: on slow data that is seconds sooner. The packs are held back here until the
 * screen is checked, so the order is certain, not a race.
 */
import { test, expect, type Page, type Route } from '@playwright/test';
import { CONTENT_FILE } from '../../scripts/lib/route-js';
import { readStore, waitForApp } from './helpers';

// Page requests only (a service worker would fetch the packs itself, out of the test's hands).
test.use({ serviceWorkers: 'block' });

/** Holds every file of the content packs (structure and texts) until release() is called. */
async function holdContent(page: Page): Promise<{ held: () => number; release: () => Promise<void> }> {
	const held: Route[] = [];
	let released = false;
	await page.route(CONTENT_FILE, (route) => {
		if (!released && /\/pack-[^/]+\.json$/.test(new URL(route.request().url()).pathname)) held.push(route);
		else void route.continue();
	});
	return {
		held: () => held.length,
		release: async () => {
			released = true;
			// Requests of pages left since are gone: continuing them fails, harmlessly.
			await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
		}
	};
}

test('first visit: the empty portfolio, the quiz start and "no strengths yet" need no content', async ({ page }) => {
	const packs = await holdContent(page);
	await page.goto('/portfolio');
	await expect(page.getByTestId('portfolio-empty')).toBeVisible();
	await page.goto('/quiz');
	await expect(page.getByTestId('go-experiences')).toBeVisible();
	await page.goto('/strengths');
	await expect(page.getByTestId('strengths-lead')).toBeVisible();
	expect(packs.held()).toBeGreaterThan(0); // the packs were asked for, and are still held back

	await packs.release();
	await page.goto('/experiences');
	await waitForApp(page);
	await expect(page.getByTestId('experience-club-sport')).toBeVisible();
});

test('first visit on patchy data: a content download that fails is said, changes nothing, and the next tap works', async ({
	page
}) => {
	// The tiles come with the page; the rest of the content is downloaded when the person goes on.
	await page.route(CONTENT_FILE, (route) => route.abort('internetdisconnected'));
	await page.goto('/experiences');
	await waitForApp(page);
	await page.getByTestId('experience-club-sport').click();
	await page.getByTestId('confirm-experiences').click();
	const problem = page.getByTestId('save-error');
	await expect(problem).toBeVisible();
	await expect(problem).toContainText(/internet/i);
	await expect(page.getByTestId('confirm-experiences')).toBeEnabled(); // not stuck "busy"
	expect(await readStore(page, 'picks')).toEqual([]);

	await page.unroute(CONTENT_FILE);
	await page.getByTestId('confirm-experiences').click();
	await expect(page.getByTestId('followup-skip')).toBeVisible(); // the theme's questions, from the content
	await expect(problem).toHaveCount(0);
});
