/**
 * Auto-lock on a shared tablet never cuts someone off while they record a voice note: a
 * recording counts as presence. Once it stops, the usual delay starts again.
 * Time is Playwright's fake clock; the voice is Chromium's fake microphone.
 */
import { test, expect } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome';
import { answerCurrentCard, startRound, waitForApp } from './helpers';
import { CODE_A, openHome, setOwnCode } from './profile-helpers';

test.use({
	launchOptions: {
		executablePath: findChrome(),
		args: [...CHROME_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	},
	permissions: ['microphone']
});

test('a voice note being recorded keeps the tablet open', { tag: '@tablet-only' }, async ({ page }) => {
	await page.clock.install();
	await openHome(page);
	await setOwnCode(page, CODE_A);
	await startRound(page, ['cooking-many']);
	for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
	await page.goto('/portfolio');
	await waitForApp(page);
	const row = page.locator('[data-testid^="portfolio-"]:has(strong)').first();
	const id = (await row.getAttribute('data-testid'))!.replace('portfolio-', '');
	await page.getByTestId(`open-portfolio-${id}`).click();
	const detail = page.getByTestId('competence-detail');
	await expect(detail).toBeVisible();

	// Recording, no touch for 3 min 30 s (the delay is 3 min): no warning, still open.
	// The microphone opens asynchronously: from when the button shows "stop", it is recording.
	await page.getByTestId('voice-record').click();
	await expect(page.getByTestId('voice-record')).toHaveClass(/\brecording\b/);
	await page.clock.fastForward('03:30');
	await page.clock.runFor(2000);
	await expect(page.getByTestId('lock-warning')).not.toBeVisible();
	await expect(page).toHaveURL(/\/portfolio$/);

	// Stopped: the note is kept, and the delay counts again from the last sign of presence.
	await page.getByTestId('voice-record').click();
	await expect(detail.getByTestId('evidence-voice')).toBeVisible();
	await page.clock.fastForward('02:31');
	await expect(page.getByTestId('lock-warning')).toBeVisible();
	await page.clock.fastForward('00:31');
	await expect(page).toHaveURL(/\/profiles$/);
});
