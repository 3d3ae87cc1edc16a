/**
 * A first visit's empty screens (quiz start, strengths, portfolio) are in the prerendered pages:
 * on screen at the first paint, not once the scripts have arrived (on slow 4G, about a second
 * later). The early script in <head> tells a first visit (no language used here, no database) from
 * a returning one; a returning person never sees the prerendered "empty" before their records.
 */
import { test, expect, type Page } from '@playwright/test';
import { answerCurrentCard, readStore, startRound, waitForApp } from './helpers';

test.use({ serviceWorkers: 'block' });

const EMPTY_STATES: [path: string, testid: string][] = [
	['/portfolio', 'portfolio-empty'],
	['/quiz', 'go-experiences'],
	['/strengths', 'strengths-not-yet']
];
const APP_SCRIPTS = '**/_app/immutable/**/*.js';

/** From each page's start: whether an element with this test id was ever painted visible. */
async function watchForPaint(page: Page, testid: string) {
	await page.addInitScript(`(() => {
		window.__painted = false;
		const check = () => {
			const element = document.querySelector('[data-testid="${testid}"]');
			if (element && element.checkVisibility({ visibilityProperty: true })) window.__painted = true;
			requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	})()`);
	return () => page.evaluate(() => (window as { __painted?: boolean }).__painted);
}

test('a first visit: each empty screen is on screen before any script has run', async ({ page }) => {
	await page.route(APP_SCRIPTS, (route) => route.abort());
	for (const [path, testid] of EMPTY_STATES) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-first-visit', '');
		await expect(page.getByTestId(testid), path).toBeVisible();
	}
});

test('a first visit hydrates the prerendered empty screen as it is, without drawing it again', async ({ page }) => {
	await page.addInitScript(`(() => {
		window.__replaced = 0;
		new MutationObserver((records) => {
			for (const record of records)
				for (const node of record.removedNodes)
					if (node.nodeType === 1 && (node.matches('[data-first-visit-only]') || node.querySelector('[data-first-visit-only]')))
						window.__replaced++;
		}).observe(document, { childList: true, subtree: true });
	})()`);
	for (const [path, testid] of EMPTY_STATES) {
		await page.goto(path);
		await waitForApp(page);
		await expect(page.getByTestId(testid), path).toBeVisible();
		// Hydration kept the prerendered element (and took off its prerender-only mark).
		expect(await page.evaluate(() => (window as { __replaced?: number }).__replaced), path).toBe(0);
		await expect(page.locator('[data-first-visit-only]')).toHaveCount(0);
	}
	expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0); // still nothing stored
});

test('with something stored, the prerendered "empty" never shows: the screen waits for the records', async ({
	page
}) => {
	const emptyPainted = await watchForPaint(page, 'portfolio-empty');
	await startRound(page, ['club-sport']);
	await answerCurrentCard(page);
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(1);

	// Before any script: the page is not marked as a first visit, and its empty state is hidden.
	await page.route(APP_SCRIPTS, (route) => route.abort());
	await page.goto('/portfolio');
	await expect(page.locator('html')).not.toHaveAttribute('data-first-visit');
	await expect(page.getByTestId('portfolio-empty')).toBeAttached();
	await expect(page.getByTestId('portfolio-empty')).toBeHidden();

	// With them: the competence shows, and "your portfolio is empty" was never painted.
	await page.unroute(APP_SCRIPTS);
	await page.goto('/portfolio');
	await waitForApp(page);
	await expect(page.getByTestId('portfolio-count')).toBeVisible();
	expect(await emptyPainted()).toBe(false);

	// A round under way, none finished: no strengths to celebrate yet; the way back to the questions.
	await page.goto('/strengths');
	await waitForApp(page);
	await expect(page.getByTestId('strengths-not-yet')).toBeVisible();
	await page.getByTestId('go-quiz').click();
	await expect(page.getByTestId('quiz-card')).toBeVisible();
});
