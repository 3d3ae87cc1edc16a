/**
 * A write that fails (here: the device is full) never lets the quiz move on silently: the
 * card stays, a clear message says so, and the answer is saved once writing works again.
 */
import { test, expect } from '@playwright/test';
import { readStore, startRound } from './helpers';

test('a full device: clear message, same card, nothing lost, saved on retry', async ({ page }) => {
	await startRound(page, ['club-sport']);
	const card = page.getByTestId('quiz-card');
	const first = await card.getAttribute('data-card-id');

	await page.evaluate(() => {
		const w = window as unknown as { __failAnswers: boolean };
		w.__failAnswers = true;
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			if (w.__failAnswers && this.name === 'answers')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await card.locator('button[data-testid^="answer-"]').first().click();
	await expect(page.getByTestId('save-error')).toBeVisible();
	await expect(page.getByTestId('save-error')).toContainText(/./);
	// The message offers a way to make room (tested in space.spec.ts).
	await expect(page.getByTestId('free-space')).toBeVisible();
	await expect(card).toHaveAttribute('data-card-id', first!);
	expect(await readStore(page, 'answers')).toHaveLength(0);
	// Automatic retries keep failing while the device is full; the card still does not move.
	await page.waitForTimeout(2500);
	await expect(card).toHaveAttribute('data-card-id', first!);

	await page.evaluate(() => ((window as unknown as { __failAnswers: boolean }).__failAnswers = false));
	await page.getByTestId('save-retry').click();
	await expect(page.getByTestId('save-error')).toHaveCount(0);
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	const answers = await readStore(page, 'answers');
	expect(answers.map((a) => a.cardId)).toEqual([first]);
});
