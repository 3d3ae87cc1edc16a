/**
 * Two tabs of Atouts on one profile: each follows the other's answers (BroadcastChannel), and
 * a tab that is behind never adds a second answer to a card the other tab already answered.
 */
import { test, expect } from '@playwright/test';
import { readStore, startRound, waitForApp } from './helpers';

interface HeldTabSync {
	__tabSync: { hold(): void; release(): void };
}

/**
 * Lets the test hold back the news a tab gets from the others, so "this tab is behind" is a
 * state the test sets, not a race it hopes to win: two real taps are never simultaneous.
 */
function holdableTabSync() {
	const held: (() => void)[] = [];
	let holding = false;
	(window as unknown as HeldTabSync).__tabSync = {
		hold: () => void (holding = true),
		release: () => {
			holding = false;
			held.splice(0).forEach((deliver) => deliver());
		}
	};
	const add = BroadcastChannel.prototype.addEventListener;
	BroadcastChannel.prototype.addEventListener = function (
		this: BroadcastChannel,
		type: string,
		listener: EventListenerOrEventListenerObject,
		options?: boolean | AddEventListenerOptions
	) {
		if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
		add.call(
			this,
			'message',
			(event) => (holding ? held.push(() => listener.call(this, event)) : listener.call(this, event)),
			options
		);
	} as typeof add;
}

test(
	"two tabs on one round never overwrite or double each other's answers",
	{ tag: '@tablet-only' },
	async ({ page, context }) => {
		await startRound(page, ['club-sport']);
		const other = await context.newPage();
		await other.addInitScript(holdableTabSync);
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

		// Tab B falls behind (its news from tab A is held back) and taps the card tab A already
		// answered: tab A's answer is kept, B's is refused, and B catches up from what is stored.
		const third = await cardIn(page);
		expect(await cardIn(other)).toBe(third);
		await other.evaluate(() => (window as unknown as HeldTabSync).__tabSync.hold());
		await page.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click();
		await expect(page.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', third!);
		await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(3);
		expect(await cardIn(other)).toBe(third);
		const keptValue = (await readStore(page, 'answers')).find((a) => a.cardId === third)?.value;
		await other.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').last().click();
		await expect(other.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', third!);
		await other.evaluate(() => (window as unknown as HeldTabSync).__tabSync.release());
		const afterRace = await readStore(page, 'answers');
		expect(afterRace.filter((a) => a.cardId === third)).toHaveLength(1);
		expect(afterRace.find((a) => a.cardId === third)?.value).toEqual(keptValue);
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
