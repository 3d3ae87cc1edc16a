/**
 * A first visit to a screen with nothing of the person's yet (an empty portfolio, the quiz's start,
 * no strengths) shows it as soon as the device's records are read, without waiting for the content
 * packs to download: on slow data that is seconds sooner. The packs are held back here until the
 * screen is checked, so the order is certain, not a race.
 */
import { test, expect } from '@playwright/test';
import { CONTENT_FILE } from '../../scripts/lib/route-js';
import { holdContentFiles, readStore, waitForApp } from './helpers';

// Page requests only (a service worker would fetch the packs itself, out of the test's hands).
test.use({ serviceWorkers: 'block' });

test('first visit: the empty portfolio, the quiz start and "no strengths yet" need no content', async ({ page }) => {
	const packs = await holdContentFiles(page, /\/pack-[^/]+\.json$/); // the packs' structure and texts
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

test('first visit: the empty screens do not wait for the storage layer or the database', async ({ page }) => {
	// The storage layer (idb, zod, the record schemas) is held back, as on a budget phone on slow
	// data: the database cannot be opened, let alone created. With nothing stored yet (no database
	// on this device), there is nothing to wait for.
	const held: (() => void)[] = [];
	let holding = true;
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (holding && body.includes('$ZodError')) await new Promise<void>((go) => held.push(go));
		await route.fulfill({ response, body });
	});
	await page.goto('/portfolio');
	await expect(page.getByTestId('portfolio-empty')).toBeVisible();
	await page.goto('/strengths');
	await expect(page.getByTestId('strengths-lead')).toBeVisible();
	expect(held.length).toBeGreaterThan(0); // the storage layer was asked for, and is still held back
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);

	holding = false;
	for (const go of held.splice(0)) go();
	await waitForApp(page); // then the session starts as on any visit
	expect(await readStore(page, 'answers')).toEqual([]);
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
