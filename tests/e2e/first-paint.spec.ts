/**
 * What a phone on slow data shows before any script has arrived: the prerendered page.
 * The experience tiles (shipped themes, French titles, pictograms) are in it, so the first
 * choice is on screen one round trip after the page, not after the whole app has booted.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const themes = JSON.parse(readFileSync('src/lib/content/packs/socle/experiences.json', 'utf8')) as {
	id: string;
	pictogram: string;
}[];
const titles = JSON.parse(readFileSync('src/lib/content/packs/socle/strings/fr/experiences.json', 'utf8')) as Record<
	string,
	string
>;

test.describe('before any script runs', () => {
	test.use({ javaScriptEnabled: false });

	test('the experience tiles are in the page, with titles and pictograms', async ({ page }) => {
		await page.goto('/experiences');
		const tiles = page.locator('ul.grid button[data-testid^="experience-"]');
		await expect(tiles).toHaveCount(themes.length);
		for (const theme of [themes[0]!, themes.at(-1)!]) {
			const tile = page.getByTestId(`experience-${theme.id}`);
			await expect(tile).toBeVisible();
			await expect(tile).toContainText(titles[`experience.${theme.id}.title`]!);
			const src = await tile.locator('img').getAttribute('src');
			expect(src).toContain(`pictos/${theme.pictogram.replace(':', '/')}.svg`);
		}
	});
});

test('once the app runs, the same tiles stay and answer taps', async ({ page }) => {
	await page.goto('/experiences');
	await page.locator('html[data-ready="true"]').waitFor();
	const tile = page.getByTestId(`experience-${themes[0]!.id}`);
	await tile.click();
	await expect(tile).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('confirm-experiences')).toBeEnabled();
});
