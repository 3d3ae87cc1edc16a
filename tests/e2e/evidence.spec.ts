/**
 * Evidence on a competence: a photo (downscaled, stored as a Blob) and a voice note
 * (Chromium's fake microphone), both deletable; a hidden competence never leaves in a link.
 */
import { test, expect } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome';
import { answerCurrentCard, portfolioTitles, readStore, startRound, waitForApp } from './helpers';

test.use({
	launchOptions: {
		executablePath: findChrome(),
		args: [...CHROME_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	},
	permissions: ['microphone']
});

test(
	'photo and voice evidence, deletion, and hiding a competence from sharing',
	{ tag: '@phone-only' },
	async ({ page, browser }) => {
		// the person’s own phone
		await startRound(page, ['cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.goto('/portfolio');
		await waitForApp(page);
		const total = (await portfolioTitles(page)).length;
		const rows = page.locator('[data-testid^="portfolio-"]:has(strong)');
		expect(total).toBeGreaterThan(1);
		const firstId = (await rows.first().getAttribute('data-testid'))!.replace('portfolio-', '');

		await page.getByTestId(`open-portfolio-${firstId}`).click();
		const detail = page.getByTestId('competence-detail');
		await expect(detail).toBeVisible();

		await page.getByTestId('photo-input').setInputFiles('static/icons/icon-512.png');
		await expect(detail.getByTestId('evidence-photo')).toBeVisible();
		await page.getByTestId('voice-record').click();
		await page.waitForTimeout(1200);
		await page.getByTestId('voice-record').click();
		await expect(detail.getByTestId('evidence-voice')).toBeVisible();

		const stored = await page.evaluate(
			() =>
				new Promise<{ kind: string; mime: string; size: number; isBlob: boolean }[]>((resolve) => {
					const open = indexedDB.open('atouts');
					open.onsuccess = () => {
						const req = open.result.transaction('evidence').objectStore('evidence').getAll();
						req.onsuccess = () =>
							resolve(
								req.result.map((e: { kind: string; mime: string; blob: Blob }) => ({
									kind: e.kind,
									mime: e.mime,
									size: e.blob.size,
									isBlob: e.blob instanceof Blob
								}))
							);
					};
				})
		);
		expect(stored.map((e) => e.kind).sort()).toEqual(['photo', 'voice']);
		for (const e of stored) {
			expect(e.isBlob).toBe(true);
			expect(e.size).toBeGreaterThan(100);
		}
		expect(stored.find((e) => e.kind === 'photo')!.mime).toBe('image/jpeg');
		expect(stored.find((e) => e.kind === 'voice')!.mime).toMatch(/^audio\//);

		await detail.getByTestId('evidence-voice').getByTestId('evidence-delete').click();
		await expect(detail.getByTestId('evidence-voice')).toHaveCount(0);
		await expect.poll(async () => (await readStore(page, 'evidence')).length).toBe(1);

		await page.getByTestId('hide-competence').click();
		await expect(page.getByTestId('hide-competence')).toHaveAttribute('aria-pressed', 'true');
		await page.getByTestId('detail-close').click();

		await page.getByTestId('share-start').click();
		await page.getByTestId('share-agree').click();
		const link = await page.getByTestId('share-link').getAttribute('href');
		const other = await browser.newContext();
		const view = await other.newPage();
		await view.goto(link!);
		await waitForApp(view);
		await expect(view.locator('[data-testid^="shared-"]')).toHaveCount(total - 1);
		await expect(view.getByTestId(`shared-${firstId}`)).toHaveCount(0);
		await other.close();
	}
);
