/**
 * Crash safety: the page is closed abruptly (no beforeunload, no pagehide work) in the middle
 * of a quiz, a voice recording and a restore. On reopening, every answer the screen confirmed
 * is there, every stored record is whole (it parses: nothing was set aside in quarantine), and
 * a restore is either fully applied or not at all.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome';
import { answerCurrentCard, readStore, startRound, waitForApp } from './helpers';

test.use({
	launchOptions: {
		executablePath: findChrome(),
		args: [...CHROME_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	},
	permissions: ['microphone']
});

/** Closes the page the hard way, then opens the app again in the same browser profile. */
async function crashAndReopen(context: BrowserContext, page: Page, path = '/'): Promise<Page> {
	await page.close({ runBeforeUnload: false });
	const again = await context.newPage();
	await again.goto(path);
	await waitForApp(again);
	await expect(again.getByTestId('quarantine-notice'), 'no half-written record').toHaveCount(0);
	expect(await readStore(again, 'quarantine')).toEqual([]);
	return again;
}

const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

test(
	'mid-quiz: every confirmed answer survives, the round resumes where it was',
	{ tag: '@phone-only' },
	async ({ page, context }) => {
		await startRound(page, ['cooking-many']);
		for (let i = 0; i < 3; i++) await answerCurrentCard(page, 'level-2'); // each one confirmed by the next card
		const confirmed = await readStore(page, 'answers');
		expect(confirmed).toHaveLength(3);
		// A fourth tap, and the page dies at once: that answer may or may not have reached the disk.
		await page.getByTestId('quiz-card').locator('button[data-testid^="answer-"]').first().click({ noWaitAfter: true });
		const reopened = await crashAndReopen(context, page, '/quiz');
		const after = byId(await readStore(reopened, 'answers'));
		expect(after.length === 3 || after.length === 4, `${after.length} answers`).toBe(true);
		expect(after.map((a) => a.id)).toEqual(expect.arrayContaining(confirmed.map((a) => a.id)));
		for (const answer of after)
			expect(Object.keys(answer).sort()).toEqual(['at', 'cardId', 'id', 'packId', 'profileId', 'roundId', 'value']);
		// The round goes on from the next unanswered card.
		await expect(reopened.getByTestId('quiz-card')).toBeVisible();
		await expect(reopened.getByRole('img', { name: new RegExp(`${after.length + 1}\\D+10`) })).toBeVisible();
	}
);

test(
	'mid-recording: no half-written voice note, and the app still records',
	{ tag: '@phone-only' },
	async ({ page, context }) => {
		await startRound(page, ['gardening']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await page.goto('/portfolio');
		await waitForApp(page);
		await page.locator('[data-testid^="open-portfolio-"]').first().click();
		await page.getByTestId('voice-record').click();
		await page.waitForTimeout(800);
		const reopened = await crashAndReopen(context, page, '/portfolio');
		expect(await readStore(reopened, 'evidence')).toEqual([]);
		expect(await readStore(reopened, 'answers')).toHaveLength(10);
		await reopened.locator('[data-testid^="open-portfolio-"]').first().click();
		await reopened.getByTestId('voice-record').click();
		await reopened.waitForTimeout(800);
		await reopened.getByTestId('voice-record').click();
		await expect.poll(async () => (await readStore(reopened, 'evidence')).length).toBe(1);
	}
);

test('mid-restore: the restore is applied whole or not at all', { tag: '@tablet-only' }, async ({ page, context }) => {
	await startRound(page, ['club-sport']);
	for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
	await page.goto('/settings');
	await waitForApp(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-save').click()]);
	const backup = readFileSync((await download.path())!);
	const backedUp = byId(await readStore(page, 'answers'));

	// Another round after the backup: restoring must bring back exactly the backed-up answers.
	await startRound(page, ['cooking-many']);
	for (let i = 0; i < 2; i++) await answerCurrentCard(page, 'level-2');
	const current = byId(await readStore(page, 'answers'));
	expect(current.length).toBe(backedUp.length + 2);

	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('restore-file').setInputFiles({ name: 'b.zip', mimeType: 'application/zip', buffer: backup });
	await expect(page.getByTestId('restore-preview')).toBeVisible();
	await page.getByTestId('restore-apply').click({ noWaitAfter: true });
	const reopened = await crashAndReopen(context, page, '/settings');
	const after = byId(await readStore(reopened, 'answers'));
	const ids = after.map((a) => a.id);
	const whole = [backedUp, current].some((set) => JSON.stringify(set.map((a) => a.id)) === JSON.stringify(ids));
	const merged =
		JSON.stringify(ids) ===
		JSON.stringify(
			byId([...backedUp, ...current.filter((c) => !backedUp.some((b) => b.id === c.id))]).map((a) => a.id)
		);
	expect(whole || merged, `answers after the cut: ${ids.length}`).toBe(true);
});
