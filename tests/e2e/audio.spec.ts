/**
 * Audio with no device voice (headless Chromium has none): a real test of the fallback.
 * Sound is checked by measuring it (buffer energy and analyser output), not by spying calls.
 */
import { test, expect, type Page } from '@playwright/test';
import { installSoundProbe, soundsOf, waitForHeardSound } from './sound-probe';
import { waitForApp } from './helpers';

test.beforeEach(async ({ page }) => {
	await page.addInitScript(installSoundProbe);
});

/** First launch: the language dialog; choosing a language says its name. */
async function chooseEnglish(page: Page) {
	await page.goto('/');
	await waitForApp(page);
	expect(await soundsOf(page), 'nothing plays before the first tap').toEqual([]);
	await page.getByTestId('language-en').click();
	await expect(page.getByTestId('first-language')).not.toBeVisible();
}

test('a prompt speaker is heard through the offline fallback voice', async ({ page }) => {
	await chooseEnglish(page);
	const name = await waitForHeardSound(page, 'samples');
	expect(name.bufferRms, 'the language name is spoken').toBeGreaterThan(0.02);
	await page.getByRole('button', { name: 'Listen: My skills' }).click();
	await expect.poll(async () => (await soundsOf(page)).length).toBe(2);
	const tile = (await soundsOf(page))[1]!;
	expect(tile.kind).toBe('samples');
	expect(tile.duration, 'label and hint last more than a second').toBeGreaterThan(1);
	expect(tile.bufferRms).toBeGreaterThan(0.02);
	await expect.poll(async () => (await soundsOf(page))[1]!.heardRms).toBeGreaterThan(0.005);
	await expect(page.getByTestId('sound-caption')).toHaveCount(0);
});

test('a newer prompt stops the one playing: one voice at a time', async ({ page }) => {
	await chooseEnglish(page);
	await waitForHeardSound(page, 'samples');
	await page.getByRole('button', { name: 'Listen: My experiences' }).click();
	await expect.poll(async () => (await soundsOf(page))[1]?.nowRms ?? 0).toBeGreaterThan(0.005);
	await page.getByRole('button', { name: 'Listen: My portfolio' }).click();
	await expect.poll(async () => (await soundsOf(page))[2]?.nowRms ?? 0).toBeGreaterThan(0.005);
	const [, first, second] = await soundsOf(page);
	expect(first!.duration, 'the first prompt was long enough to still be playing').toBeGreaterThan(1.5);
	expect(first!.nowRms, 'the first prompt fell silent').toBeLessThan(0.0005);
	// Heard, not "loud at this very instant": a gap between two words measured near silence once.
	expect(second!.heardRms).toBeGreaterThan(0.005);
});

test.describe('with the fallback voice unreachable', () => {
	// page.route never sees what a service worker fetches: once the worker took control (at any
	// moment of a first visit), the voice would load past the block. Without one, it cannot.
	test.use({ serviceWorkers: 'block' });

	test('with no source at all, the prompt is shown in large print', async ({ page }) => {
		await page.route('**/voice-fallback/*.{js,data}', (route) => route.abort());
		await chooseEnglish(page);
		await page.getByTestId('sound-caption-close').click(); // the language name could not be said either
		await page.getByRole('button', { name: 'Listen: My skills' }).click();
		const caption = page.getByTestId('sound-caption');
		await expect(caption).toBeVisible();
		await expect(caption).toHaveAttribute('data-reason', 'unavailable');
		await expect(caption.locator('.large')).toContainText('My skills');
		expect((await soundsOf(page)).filter((s) => s.heardRms > 0.005)).toEqual([]);
		await page.getByTestId('sound-caption-close').click();
		await expect(caption).toHaveCount(0);
	});
});

test('with sound turned off, a speaker shows the text instead', async ({ page }) => {
	await chooseEnglish(page);
	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('toggle-sound').click();
	await page.goto('/');
	await waitForApp(page);
	const before = (await soundsOf(page)).length;
	await page.getByRole('button', { name: 'Listen: My skills' }).click();
	await expect(page.getByTestId('sound-caption')).toHaveAttribute('data-reason', 'off');
	expect((await soundsOf(page)).length).toBe(before);
});
