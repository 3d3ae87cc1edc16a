/**
 * Several people on one tablet: profiles, picture codes, isolation, guests. And a personal
 * phone, which never sees any of it.
 */
import { test, expect, type Page } from '@playwright/test';
import { answerCurrentCard, expectNoAxeViolations, readStore, startRound, waitForApp } from './helpers';
import { CODE_A, WRONG, createProfile, openHome, recordsOf, setOwnCode, tapCode } from './profile-helpers';

/** What a screen shows of the open profile's data, to compare two people. */
async function portfolioCount(page: Page) {
	await page.goto('/portfolio');
	await waitForApp(page);
	const count = page.getByTestId('portfolio-count');
	const empty = page.getByText('Ton portfolio est vide');
	await expect(count.or(empty).first()).toBeVisible();
	return (await count.isVisible()) ? await count.textContent() : 'empty';
}

test(
	'two profiles on one tablet: B sees nothing of A, through any screen or URL',
	{ tag: '@tablet-only' },
	async ({ page, context }) => {
		// A: the tablet's first profile, with answers, picks and a picture code.
		await startRound(page, ['cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		const aCount = await portfolioCount(page);
		expect(aCount).toMatch(/\d/);
		await setOwnCode(page, CODE_A);
		const [a] = await readStore(page, 'profiles');
		const aId = a!.id as string;
		const aRecords = await recordsOf(page, aId);
		expect(aRecords.map((r) => r.store)).toEqual(expect.arrayContaining(['answers', 'rounds', 'picks', 'profiles']));

		// B: a new person, added from the settings.
		await page.getByTestId('add-person').click();
		await expect(page.getByTestId('profile-list')).toBeVisible();
		const bId = await createProfile(page, { avatar: 'owl', color: 'green', name: 'Bea', axe: true });
		expect(bId).not.toBe(aId);
		await expect(page.getByTestId('profile-bar')).toContainText('Bea');

		// Every screen, as B: nothing of A.
		expect(await portfolioCount(page)).toBe('empty');
		await page.goto('/strengths');
		await waitForApp(page);
		// B has finished no round: nothing to show, and none of A's strengths.
		await expect(page.getByTestId('strengths-not-yet')).toBeVisible();
		await expect(page.getByTestId('strengths-list').locator('li')).toHaveCount(0);
		await page.goto('/quiz');
		await waitForApp(page);
		await expect(page.getByTestId('go-experiences')).toBeVisible();
		await expect(page.getByTestId('quiz-card')).toHaveCount(0);
		await page.goto('/experiences');
		await waitForApp(page);
		await expect(page.getByTestId('experience-cooking-many')).toHaveAttribute('aria-pressed', 'false');

		// No URL names a profile: made-up ones change nothing.
		for (const url of [`/portfolio?profile=${aId}`, `/portfolio#${aId}`]) {
			await page.goto(url);
			await waitForApp(page);
			await expect(page.getByText('Ton portfolio est vide')).toBeVisible();
			await expect(page.getByTestId('portfolio-count')).toHaveCount(0);
		}
		await page.goto(`/strengths?profileId=${aId}`);
		await waitForApp(page);
		// B has finished no round: nothing to show, and none of A's strengths.
		await expect(page.getByTestId('strengths-not-yet')).toBeVisible();
		await expect(page.getByTestId('strengths-list').locator('li')).toHaveCount(0);

		// B's own work goes to B only.
		await startRound(page, ['club-sport']);
		await answerCurrentCard(page);
		const answers = await readStore(page, 'answers');
		expect(answers.filter((x) => x.profileId === bId)).toHaveLength(1);
		expect(answers.filter((x) => x.profileId === aId)).toHaveLength(10);
		const bCount = await portfolioCount(page);
		expect(bCount).not.toBe(aCount);

		// Another tab starts at the picker (nobody is in there), shows no one's data on the way,
		// and A's profile asks for A's code.
		const other = await context.newPage();
		await other.goto('/portfolio');
		await expect(other).toHaveURL(/\/profiles$/);
		await expect(other.getByTestId('portfolio-count')).toHaveCount(0);
		await expect(other.getByTestId('profile-open')).toHaveCount(2);
		await expectNoAxeViolations(other, 'profile picker');
		await other.locator('[data-testid="profile-open"][data-has-code="true"]').click();
		await expect(other.getByTestId('profile-unlock')).toBeVisible();
		await tapCode(other, WRONG);
		await expect(other.getByTestId('code-wrong')).toBeVisible();
		await expect(other).toHaveURL(/\/profiles$/);
		await other.getByTestId('unlock-cancel').click();
		// B, without a code, opens with a tap; A's portfolio is still A's.
		await other.getByTestId('profile-open').filter({ hasText: 'Bea' }).click();
		await expect(other).toHaveURL(/\/$/);
		await waitForApp(other);
		expect(await portfolioCount(other)).toBe(bCount);
		await other.goto('/profiles');
		await waitForApp(other);
		await other.locator('[data-testid="profile-open"][data-has-code="true"]').click();
		await tapCode(other, CODE_A);
		await expect(other).toHaveURL(/\/$/);
		await waitForApp(other);
		expect(await portfolioCount(other)).toBe(aCount);
	}
);

test('a guest leaves no trace when they leave', { tag: '@tablet-only' }, async ({ page }) => {
	await openHome(page);
	await page.goto('/profiles');
	await waitForApp(page);
	await page.getByTestId('profile-guest').click();
	await expect(page).toHaveURL(/\/$/);
	await waitForApp(page);
	const guest = (await readStore(page, 'profiles')).find((p) => p.kind === 'guest');
	expect(guest).toBeDefined();
	await startRound(page, ['club-sport']);
	await answerCurrentCard(page);
	expect((await recordsOf(page, guest!.id as string)).length).toBeGreaterThan(1);

	await openHome(page);
	await page.getByTestId('switch-person').click();
	await expect(page.getByTestId('end-session')).toBeVisible();
	await expectNoAxeViolations(page, 'end of session');
	await expect(page.getByTestId('end-wipe')).toHaveCount(0);
	await page.getByTestId('end-keep').click();
	await expect(page).toHaveURL(/\/profiles$/);
	await waitForApp(page);
	expect(await recordsOf(page, guest!.id as string)).toEqual([]);
	expect((await readStore(page, 'profiles')).map((p) => p.kind)).toEqual(['default']);
});

test('a personal phone never sees a picker, nor any shared-tablet control', async ({ page }) => {
	const chunks: string[] = [];
	page.on('request', (request) => chunks.push(request.url()));
	await openHome(page);
	await expect(page.getByTestId('tile-quiz')).toBeVisible();
	await expect(page.getByTestId('profile-bar')).toHaveCount(0);
	await page.goto('/quiz');
	await waitForApp(page);
	await expect(page).toHaveURL(/\/quiz$/);
	await page.goto('/settings');
	await waitForApp(page);
	await expect(page.getByTestId('toggle-sound')).toBeVisible();
	await expect(page.getByTestId('facilitator-gate')).toHaveCount(0);
	await page.goto('/');
	await waitForApp(page);
	await expect(page.getByTestId('profile-bar')).toHaveCount(0);
	expect(chunks.filter((url) => /LockGuard|LockWatch|ProfileBar/.test(url))).toEqual([]);
});
