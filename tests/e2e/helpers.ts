import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
/** Shared helpers for browser tests: IndexedDB reads, service worker readiness, axe. */
import { expect, type Locator, type Page, type Route } from '@playwright/test';
import { CONTENT_FILE } from '../../scripts/lib/route-js';
import AxeBuilder from '@axe-core/playwright';

/**
 * Whether the app's database exists, with its stores. Test code never opens it before: opening
 * would create an empty database the app cannot use (the app creates it when something is first
 * stored, and makes its stores in the upgrade that follows).
 */
export async function appDatabaseReady(page: Page): Promise<boolean> {
	return page.evaluate(async () =>
		(await indexedDB.databases()).some((db) => db.name === 'atouts' && (db.version ?? 0) > 1)
	);
}

/** Every record of a store, read straight from IndexedDB (not through the app). */
export async function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
	if (!(await appDatabaseReady(page))) return [];
	return page.evaluate(
		(name) =>
			new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const open = indexedDB.open('atouts');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve([]);
						return;
					}
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => {
						db.close();
						resolve(req.result as Record<string, unknown>[]);
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Waits until the app has booted (database open, settings applied). */
export async function waitForApp(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** Waits until a service worker controls the page. */
export async function waitForServiceWorker(page: Page) {
	await page.waitForFunction(async () => {
		const reg = await navigator.serviceWorker.ready;
		return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
	});
}

/**
 * The app's scripts the page asks for from now on (paths under /_app/immutable/). Their code is
 * read from the build, not from the responses: a response's body is gone once the page has
 * navigated away, and a walk through screens navigates while chunks are still arriving.
 */
export function appScriptsLoaded(page: Page) {
	const paths = new Set<string>();
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (/^\/_app\/immutable\/.*\.js$/.test(path)) paths.add(path);
	});
	return {
		all: () => [...paths],
		containing: (code: string) => [...paths].filter((path) => readFileSync(`build${path}`, 'utf8').includes(code))
	};
}

/** A pictogram is drawn inline: its own drawing (not another's), with shapes, at a visible size. */
export async function expectPictogramDrawn(svg: Locator) {
	await expect(svg).toHaveAttribute('data-drawn', (await svg.getAttribute('data-picto'))!);
	await expect(svg.locator('path').first()).toBeAttached();
	expect((await svg.boundingBox())!.width).toBeGreaterThan(0);
}

export async function expectNoAxeViolations(page: Page, label: string) {
	// Always from the top of the screen: wherever the last tap left the page, a row half scrolled
	// under the sticky title bar counted as a too-small target (it is whole once scrolled to).
	await page.evaluate(() => scrollTo(0, 0));
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Picks experiences, skips their follow-up questions, and lands on the first quiz card. */
export async function startRound(page: Page, experiences: string[], base = '') {
	await page.goto(`${base}/experiences`);
	await waitForApp(page);
	for (const id of experiences) await page.getByTestId(`experience-${id}`).click();
	await page.getByTestId('confirm-experiences').click();
	const card = page.getByTestId('quiz-card');
	const skip = page.getByTestId('followup-skip');
	// Skip follow-up questions until the first card shows (the last skip navigates away).
	for (let i = 0; i < 20 && !(await card.isVisible()); i++) {
		await expect(card.or(skip).first()).toBeVisible();
		// isVisible does not wait; the last skip may navigate away between the check and the click.
		if (await skip.isVisible()) await skip.click({ timeout: 2000 }).catch(() => undefined);
	}
	await expect(card).toBeVisible();
}

/** Answers the card on screen with its first answer button and waits for the next one. */
export async function answerCurrentCard(page: Page, prefer: 'first' | 'level-2' = 'first') {
	const card = page.getByTestId('quiz-card');
	const id = await card.getAttribute('data-card-id');
	const levelTwo = card.getByTestId('answer-level-2');
	const target =
		prefer === 'level-2' && (await levelTwo.count())
			? levelTwo
			: card.locator('button[data-testid^="answer-"]').first();
	await target.click();
	// Wait until the answer is saved and the next card (or the strengths screen) shows, so the
	// next call never reads a card that is about to change.
	await expect(async () => {
		if (/\/strengths$/.test(page.url())) return;
		expect(await card.getAttribute('data-card-id', { timeout: 1000 })).not.toBe(id);
	}).toPass();
	return id;
}

/**
 * A full portfolio's share link (the bench's sample: every shipped competence), made with the
 * app's own codec under tsx (its JSON imports need tsx or Vite, not Playwright's loader).
 */
export function sampleLink(base: string): string {
	const code = `import { samplePortfolioLink } from './scripts/bench/portfolio-link.ts'; console.log(samplePortfolioLink(process.argv[1]));`;
	return execFileSync('npx', ['tsx', '--eval', code, base], { encoding: 'utf8' }).trim();
}

/**
 * Waits for the portfolio screen to show all its rows and returns their titles. The count comes
 * from the screen's own figure: a big list is drawn in steps, so counting rows at once can be short.
 */
export async function portfolioTitles(page: Page): Promise<string[]> {
	const count = page.getByTestId('portfolio-count');
	await expect(count).toBeVisible();
	const total = Number(await count.getAttribute('data-count'));
	const titles = page.locator('[data-testid^="portfolio-"] strong');
	await expect(titles).toHaveCount(total);
	return (await titles.allTextContents()).map((title) => title.trim());
}

/**
 * Holds back the content files (JSON beside the scripts) whose path matches `which` until
 * release(), as slow data would: what a screen shows before they arrive can then be checked
 * without a race. Other content files go through.
 */
export async function holdContentFiles(
	page: Page,
	which = /./
): Promise<{ held: () => number; release: () => Promise<void> }> {
	const held: Route[] = [];
	let released = false;
	await page.route(CONTENT_FILE, (route) => {
		if (!released && which.test(new URL(route.request().url()).pathname)) held.push(route);
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
