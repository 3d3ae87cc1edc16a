/**
 * The themes screen paints from its prerendered page, in French, and then takes the person's
 * language. Relabelling its tiles moves the grid a little (a French title on four lines makes its
 * row taller than the same title in Arabic or English on three: measured 0.066 in Arabic, 0.029 in
 * English at 412 px); this keeps it within "good" (0.1, Core Web Vitals), where the tile under a
 * finger does not jump away.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { holdContentFiles } from './helpers';

// Page requests only: a service worker would fetch the content files itself, out of the test's hands.
test.use({ serviceWorkers: 'block' });

for (const lang of ['ar', 'en'])
	test.describe(lang, () => {
		// Lighthouse's phone (412 px), where the French and Arabic labels wrap differently.
		test.use({ locale: lang, viewport: { width: 412, height: 823 } });

		test(
			`${lang}: the themes screen barely moves when its French first paint takes the person's language`,
			{ tag: '@phone-only' },
			async ({ page }) => {
				const titles = JSON.parse(
					readFileSync(`src/lib/content/packs/socle/strings/${lang}/experiences.json`, 'utf8')
				) as Record<string, string>;
				await page.addInitScript(() => {
					const w = window as unknown as { shifted: number };
					w.shifted = 0;
					new PerformanceObserver((list) => {
						for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
							if (!entry.hadRecentInput) w.shifted += entry.value;
					}).observe({ type: 'layout-shift', buffered: true });
				});
				// The person's texts are held back until the French first paint is on screen, as on slow data
				// (on a fast network they can arrive before anything is painted, and nothing would move).
				const texts = await holdContentFiles(page);
				await page.goto('/experiences');
				await expect(page.getByTestId('experience-club-sport')).toContainText('Sport');
				await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
				// The scripts that ask for them may still be loading on a busy machine: wait for the request.
				await expect.poll(() => texts.held()).toBeGreaterThan(0);
				await texts.release();
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				// Relabelled in the person's language: the moment the grid used to move.
				await expect(page.getByTestId('experience-club-sport')).toContainText(titles['experience.club-sport.title']!);
				await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
				expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.1);
			}
		);
	});
