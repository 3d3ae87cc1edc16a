/**
 * Two tabs of Atouts on one profile: each follows the other's answers (BroadcastChannel), and
 * a tab that is behind never adds a second answer to a card the other tab already answered.
 */
import { test, expect } from '@playwright/test';
import { readStore, startRound, waitForApp } from './helpers';

test(
	"two tabs on one round never overwrite or double each other's answers",
	{ tag: '@tablet-only' },
	async ({ page, context }) => {
		await startRound(page, ['club-sport']);
		const other = await context.newPage();
		await other.goto('/quiz');
		await waitForApp(other);
		const cardIn = (p: typeof page) => p.getByTestId('quiz-card').getAttribute('data-card-id');
		const first = await cardIn(page);
		expect(await cardIn(other)).toBe(first);

		// Tab A answers: tab B moves on to the next card by itself.
		await page.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click();
		await expect(page.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', first!);
		await expect(other.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', first!);
		const second = await cardIn(page);
		expect(await cardIn(other)).toBe(second);

		// Tab B answers the second card: tab A follows.
		await other.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click();
		await expect(page.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', second!);
		const answers = await readStore(page, 'answers');
		expect(answers.map((a) => a.cardId).sort()).toEqual([first, second].sort());

		// Both tabs tap the same card at the same moment: one answer is kept, both tabs agree after.
		const third = await cardIn(page);
		expect(await cardIn(other)).toBe(third);
		await Promise.all([
			page.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click(),
			other.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').last().click()
		]);
		await expect.poll(async () => (await readStore(page, 'answers')).filter((a) => a.cardId === third).length).toBe(1);
		await expect(page.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', third!);
		await expect(other.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', third!);
		expect(await cardIn(page)).toBe(await cardIn(other));
		expect(await readStore(page, 'answers')).toHaveLength(3);
	}
);

test('a setting changed in one tab shows in the other', { tag: '@tablet-only' }, async ({ page, context }) => {
	await page.goto('/settings');
	await waitForApp(page);
	const other = await context.newPage();
	await other.goto('/settings');
	await waitForApp(other);
	await page.getByTestId('text-size-xlarge').click();
	await expect(other.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
	// The other tab's next change starts from the stored settings, not from its stale copy.
	await other.getByTestId('toggle-slow').click();
	await expect(page.getByTestId('toggle-slow')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
});
