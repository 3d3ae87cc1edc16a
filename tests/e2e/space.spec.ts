/**
 * A full device: the message leads to "make room", which offers a backup first and removes the
 * photos or voice notes the person chooses, largest first; answers are never touched.
 */
import { test, expect } from '@playwright/test';
import { answerCurrentCard, readStore, startRound, waitForApp } from './helpers';

test('make room: back up, then remove the largest evidence; answers stay', { tag: '@phone-only' }, async ({ page }) => {
	await startRound(page, ['cooking-many']);
	for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
	await page.goto('/portfolio');
	await waitForApp(page);
	await page.locator('[data-testid^="open-portfolio-"]').first().click();
	await page.getByTestId('photo-input').setInputFiles('static/icons/icon-512.png');
	await expect(page.getByTestId('evidence-photo')).toHaveCount(1);
	await page.getByTestId('photo-input').setInputFiles('static/icons/icon-192.png');
	await expect(page.getByTestId('evidence-photo')).toHaveCount(2);
	await page.getByTestId('detail-close').click();
	const evidence = await readStore(page, 'evidence');
	const largest = [...evidence].sort((a, b) => Number(b.bytes) - Number(a.bytes))[0]!;

	// The device fills up during the next round.
	await startRound(page, ['gardening']);
	await page.evaluate(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			if (this.name === 'answers') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await page.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click();
	await page.getByTestId('free-space').click();
	await expect(page).toHaveURL(/\/space$/);
	await waitForApp(page);

	const items = page.getByTestId('space-item');
	await expect(items).toHaveCount(2);
	await expect(page.getByTestId('space-usage')).toContainText(/\d/);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('space-backup').click()]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);

	await items.first().getByTestId('space-remove').click();
	await expect(items).toHaveCount(1);
	const left = await readStore(page, 'evidence');
	expect(left.map((e) => e.id)).not.toContain(largest.id);
	expect(left).toHaveLength(1);
	expect(await readStore(page, 'answers')).toHaveLength(10);
});
