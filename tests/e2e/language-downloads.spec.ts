/**
 * A phone in a complete language (every text translated) downloads that language's pack texts,
 * not the French ones too: French is only the fallback of an incomplete language, and what is
 * French on purpose (the titles beside a shared portfolio, for employers) loads it when shown.
 */
import { test, expect, type Page } from '@playwright/test';
import { CONTENT_FILE } from '../../scripts/lib/route-js';
import { sampleLink, waitForApp } from './helpers';

// Page requests only: a service worker would fetch every file to precache it.
test.use({ serviceWorkers: 'block' });

const CARD = {
	fr: 'Ton bus est en retard',
	ar: 'الحافلة متأخرة'
};

/** The text of every script and content file the page loads from now on. */
function scriptsLoaded(page: Page): () => Promise<string[]> {
	const bodies: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script' || CONTENT_FILE.test(response.url()))
			bodies.push(response.text().catch(() => ''));
	});
	return () => Promise.all(bodies);
}

async function chooseLanguage(page: Page, code: string) {
	await page.goto('/');
	await waitForApp(page);
	await page.getByTestId(`language-${code}`).click();
	await expect(page.locator('html')).toHaveAttribute('lang', code);
}

for (const [code, other] of [
	['ar', 'fr'],
	['fr', 'ar']
] as const)
	test(
		`${code}: the pack texts of ${code} are downloaded, not those of ${other}`,
		{ tag: '@phone-only' },
		async ({ page }) => {
			await chooseLanguage(page, code);
			const scripts = scriptsLoaded(page);
			await page.goto('/experiences');
			await waitForApp(page);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			await page.waitForLoadState('networkidle');
			const loaded = await scripts();
			expect(loaded.some((text) => text.includes(CARD[code]))).toBe(true);
			expect(loaded.some((text) => text.includes(CARD[other]))).toBe(false);
		}
	);

test(
	'ar: a shared portfolio still shows each title in French, for an employer',
	{ tag: '@phone-only' },
	async ({ page, baseURL }) => {
		await chooseLanguage(page, 'ar');
		await page.goto(sampleLink(new URL('/', baseURL).href));
		const french = page.locator('main p.french');
		await expect(french.first()).toHaveAttribute('lang', 'fr');
		await expect(french.first()).not.toBeEmpty();
		const titles = await french.allTextContents();
		expect(titles.length).toBeGreaterThan(0);
		expect(titles.every((title) => /[a-zàâçéèêëîïôûùüÿœ]/i.test(title))).toBe(true);
	}
);
