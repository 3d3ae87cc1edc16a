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
		}
		// The first screen's pictograms (the page's FIRST_SCREEN_TILES) are drawn into the page; those
		// below it, when the app runs.
		const drawn = await tiles
			.locator('svg.picto')
			.evaluateAll((all) =>
				all.map((svg) =>
					svg.getAttribute('data-drawn') === svg.getAttribute('data-picto') && svg.querySelector('path') ? 1 : 0
				)
			);
		expect(drawn.slice(0, 9)).toEqual(Array(9).fill(1));
		expect(drawn.slice(9)).toEqual(Array(themes.length - 9).fill(0));
		const first = page.getByTestId(`experience-${themes[0]!.id}`).locator('svg.picto');
		await expect(first).toHaveAttribute('data-picto', themes[0]!.pictogram);
		expect((await first.boundingBox())!.width).toBe(48);
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
