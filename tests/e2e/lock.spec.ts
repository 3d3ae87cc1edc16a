/**
 * Auto-lock on a shared tablet: a spoken and visual warning with "I'm still here", then the
 * profile locks; progress is kept, the picture code opens it again, and wrong codes slow down.
 * Time is Playwright's fake clock (page.clock), not a test hook in the app.
 */
import { test, expect } from '@playwright/test';
import { answerCurrentCard, expectNoAxeViolations, readStore, startRound, waitForApp } from './helpers';
import { CODE_A, WRONG, openHome, setOwnCode, tapCode } from './profile-helpers';

test(
	'auto-lock warns, locks, keeps progress; the picture code unlocks and wrong codes wait',
	{ tag: '@tablet-only' },
	async ({ page }) => {
		await page.clock.install();
		await openHome(page);
		await setOwnCode(page, CODE_A);
		await startRound(page, ['club-sport']);
		const first = await answerCurrentCard(page);
		const second = await answerCurrentCard(page);
		const card = await page.getByTestId('quiz-card').getAttribute('data-card-id');
		expect([first, second]).not.toContain(card);

		// 2 min 31 s without a touch (3 minutes by default): the warning, with its countdown.
		const warning = page.getByTestId('lock-warning');
		await expect(warning).not.toBeVisible();
		await page.clock.fastForward('02:31');
		await expect(warning).toBeVisible();
		// Real time also flows between the last tap and the jump: some seconds of the 30 are gone.
		const left = Number(await page.getByTestId('lock-countdown').getAttribute('data-seconds'));
		expect(left).toBeGreaterThan(0);
		expect(left).toBeLessThanOrEqual(30);
		await expectNoAxeViolations(page, 'lock warning');
		await page.getByTestId('still-here').click();
		await expect(warning).not.toBeVisible();
		await expect(page).toHaveURL(/\/quiz$/);

		// Again, and this time nobody answers: the profile locks and the picker shows.
		await page.clock.fastForward('02:35');
		await expect(warning).toBeVisible();
		await page.clock.fastForward('00:30');
		await expect(page).toHaveURL(/\/profiles$/);
		await waitForApp(page);
		await expect(page.getByTestId('quiz-card')).toHaveCount(0);

		// Wrong codes: three are free, then the grid waits, with a countdown.
		await page.getByTestId('profile-open').click();
		for (let i = 0; i < 2; i++) {
			await tapCode(page, WRONG);
			await expect(page.getByTestId('code-wrong')).toBeVisible();
			await expect(page.getByTestId('code-wait')).toHaveCount(0);
		}
		await tapCode(page, WRONG);
		await expect(page.getByTestId('code-wait')).toBeVisible();
		await expectNoAxeViolations(page, 'picture code, waiting');
		await expect(page.getByTestId('code-cell-0')).toBeDisabled();
		const [profile] = await readStore(page, 'profiles');
		expect(profile).toMatchObject({ failures: 3 });
		// A reload does not skip the wait: it is stored on the profile.
		await page.reload();
		await waitForApp(page);
		await page.getByTestId('profile-open').click();
		await expect(page.getByTestId('code-wait')).toBeVisible();
		await expect(page.getByTestId('code-cell-4')).toBeDisabled();
		await page.clock.fastForward('00:31');
		await expect(page.getByTestId('code-wait')).toHaveCount(0);
		await expect(page.getByTestId('code-cell-4')).toBeEnabled();

		// The right code opens the profile where it was: the same card of the same round.
		await tapCode(page, CODE_A);
		await expect(page).toHaveURL(/\/$/);
		await waitForApp(page);
		expect((await readStore(page, 'profiles'))[0]).toMatchObject({ failures: 0 });
		await page.goto('/quiz');
		await waitForApp(page);
		await expect(page.getByTestId('quiz-card')).toHaveAttribute('data-card-id', card!);
		expect(await readStore(page, 'answers')).toHaveLength(2);
	}
);
