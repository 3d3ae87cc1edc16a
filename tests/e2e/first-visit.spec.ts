/**
 * A first visit to a screen with nothing of the person's yet (an empty portfolio, the quiz's start,
 * no strengths) shows it at once: there are no records to read, and it does not wait for the content
 * packs to download: on slow data that is seconds sooner. The packs are held back here until the
 * screen is checked, so the order is certain, not a race.
 */
import { test, expect } from '@playwright/test';
import { CONTENT_FILE } from '../../scripts/lib/route-js';
import { appScriptsLoaded, holdContentFiles, readStore, waitForApp } from './helpers';

// Page requests only (a service worker would fetch the packs itself, out of the test's hands).
test.use({ serviceWorkers: 'block' });

test('first visit: the empty portfolio, the quiz start and "no strengths yet" need no content', async ({ page }) => {
	const packs = await holdContentFiles(page, /\/pack-[^/]+\.json$/); // the packs' structure and texts
	// Each screen once the app runs (their prerendered page shows them even before: see
	// first-visit-paint.spec.ts), with the packs still held back.
	for (const [path, testid] of [
		['/portfolio', 'portfolio-empty'],
		['/quiz', 'go-experiences'],
		['/strengths', 'strengths-not-yet']
	] as const) {
		await page.goto(path);
		await waitForApp(page);
		await expect(page.getByTestId(testid)).toBeVisible();
	}
	await expect.poll(() => packs.held()).toBeGreaterThan(0); // the packs were asked for, and are still held back
	await expect(page.getByTestId('strengths-not-yet')).toBeVisible();

	await packs.release();
	await page.goto('/experiences');
	await waitForApp(page);
	await expect(page.getByTestId('experience-club-sport')).toBeVisible();
});

test('first visit: looking around loads no storage layer and writes nothing; the first choice stores it', async ({
	page
}) => {
	// The storage layer (idb, zod, the record schemas) and the database are for what the person
	// stores: on a first visit there is nothing to read, and someone who only looks (an employer
	// opening a shared link) leaves no trace on the device.
	const scripts = appScriptsLoaded(page);
	await page.goto('/portfolio');
	await expect(page.getByTestId('portfolio-empty')).toBeVisible();
	for (const path of ['/strengths', '/quiz', '/experiences', '/settings', '/']) {
		await page.goto(path);
		await waitForApp(page);
	}
	await expect(page.getByTestId('strengths-not-yet').or(page.getByTestId('first-language'))).toBeVisible();
	expect(scripts.all().length).toBeGreaterThan(0);
	expect(scripts.containing('$ZodError')).toEqual([]);
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);

	// The first thing stored (the language chosen at first launch) creates the database, with the
	// profile the visit started with.
	await page.getByTestId('language-fr').click();
	await expect.poll(async () => (await readStore(page, 'settings')).length).toBe(1);
	expect(scripts.containing('$ZodError').length).toBeGreaterThan(0);
	expect((await readStore(page, 'profiles')).map((p) => [p.id, p.kind])).toEqual([['default', 'default']]);
	expect((await readStore(page, 'settings'))[0]).toMatchObject({ profileId: 'default', value: { language: 'fr' } });

	// From now on the session starts from storage: the language is not asked again.
	await page.reload();
	await waitForApp(page);
	await expect(page.getByTestId('tile-quiz')).toBeVisible();
	await expect(page.getByTestId('first-language')).not.toBeVisible();
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
