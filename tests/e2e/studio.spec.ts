/**
 * The recording studio with Chromium's fake microphone: record a clip, hear it back, export
 * the voice pack, import it on a fresh device, and hear the clip play for that prompt
 * (with the fallback voice blocked, so only the clip can make the sound).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome';
import { installSoundProbe, soundsOf, waitForHeardSound } from './sound-probe';
import { readStore, waitForApp } from './helpers';

test.use({
	launchOptions: {
		executablePath: findChrome(),
		args: [...CHROME_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	},
	permissions: ['microphone']
});

async function openStudioInFrench(page: Page) {
	await page.addInitScript(installSoundProbe);
	await page.goto('/');
	await waitForApp(page);
	await page.getByTestId('language-fr').click();
	// The dialog closes once the choice is saved: leaving earlier could cut the write short.
	await expect(page.getByTestId('first-language')).not.toBeVisible();
	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('open-studio').click();
	await expect(page.getByTestId('studio-entry')).toBeVisible();
}

test('record, listen, export and import a voice pack', { tag: '@tablet-only' }, async ({ page, browser }) => {
	// A coach on the workshop tablet.
	await openStudioInFrench(page);
	const entry = page.getByTestId('studio-entry');
	const key = (await entry.getAttribute('data-key'))!;
	expect(key).toMatch(/^experience\.[a-z0-9-]+\.title$/);
	await expect(entry).toHaveAttribute('data-recorded', 'false');
	const missingBefore = await page.getByTestId('studio-missing').textContent();

	await page.getByTestId('studio-record').click();
	await expect(page.getByTestId('studio-stop')).toBeVisible();
	await page.waitForTimeout(1500);
	await page.getByTestId('studio-stop').click();
	await expect(entry).toHaveAttribute('data-recorded', 'true');
	await expect(page.getByTestId('studio-missing')).not.toHaveText(missingBefore!);
	const stored = await readStore(page, 'clips');
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({ lang: 'fr', key });
	expect(stored[0]!.mime, 'the real recorded type travels with the clip').toMatch(/^audio\/webm/);

	await page.getByTestId('studio-listen').click();
	const heard = await waitForHeardSound(page, 'media');
	expect(heard.heardRms).toBeGreaterThan(0.005);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-export').click()]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const packPath = await download.path();

	// Another device: nothing recorded yet; importing the pack brings the clip.
	// No service worker there: page.route would not see its fetches, and the fallback voice must
	// truly be unreachable below.
	const other = await browser.newContext({ permissions: ['microphone'], serviceWorkers: 'block' });
	const phone = await other.newPage();
	await openStudioInFrench(phone);
	await expect(phone.getByTestId('studio-entry')).toHaveAttribute('data-recorded', 'false');
	await phone.getByTestId('studio-import').setInputFiles({
		name: download.suggestedFilename(),
		mimeType: 'application/zip',
		buffer: readFileSync(packPath)
	});
	await expect(phone.getByTestId('studio-message')).toHaveAttribute('data-kind', 'imported');
	await expect(phone.getByTestId('studio-entry')).toHaveAttribute('data-recorded', 'true');

	// The prompt now plays the coach's recording, even with the fallback voice unreachable.
	await phone.route('**/voice-fallback/*.{js,data}', (route) => route.abort());
	await phone.goto('/experiences');
	await waitForApp(phone);
	const experienceId = key.split('.')[1]!;
	await phone.getByTestId(`experience-${experienceId}`).click();
	const clip = await waitForHeardSound(phone, 'media');
	expect(clip.heardRms).toBeGreaterThan(0.005);
	expect((await soundsOf(phone)).filter((s) => s.kind === 'samples' && s.heardRms > 0.005)).toEqual([]);
	await other.close();
});

test('a foreign or broken file is refused and changes nothing', { tag: '@phone-only' }, async ({ page }) => {
	await openStudioInFrench(page);
	for (const file of [
		{ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
		{ name: 'photo.zip', mimeType: 'application/zip', buffer: readFileSync('static/icons/icon-192.png') }
	]) {
		await page.getByTestId('studio-import').setInputFiles(file);
		await expect(page.getByTestId('studio-message')).toHaveAttribute('data-kind', 'refused');
		await expect(page.getByTestId('studio-message')).toContainText('Rien n');
	}
	expect(await readStore(page, 'clips')).toEqual([]);
});
