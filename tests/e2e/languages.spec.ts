import { test, expect, type Page } from '@playwright/test';
import { answerCurrentCard, expectNoAxeViolations, readStore, startRound, waitForApp } from './helpers';

const LANGUAGES = [
	{ code: 'fr', dir: 'ltr', home: 'Ce que j' },
	{ code: 'en', dir: 'ltr', home: 'My experiences' },
	{ code: 'ar', dir: 'rtl', home: 'تجارب' },
	{ code: 'uk', dir: 'ltr', home: 'Мій досвід' }
];

async function chooseLanguage(page: Page, code: string) {
	await page.goto('/');
	await waitForApp(page);
	await expect(page.getByTestId('first-language')).toBeVisible();
	await page.getByTestId(`language-${code}`).click();
	await expect(page.locator('html')).toHaveAttribute('lang', code);
	await expect(page.getByTestId('first-language')).not.toBeVisible();
}

for (const language of LANGUAGES) {
	test(
		`${language.code}: home, a quiz round and the portfolio render fully, axe clean`,
		{ tag: '@phone-only' },
		async ({ page }) => {
			// each language on a 360×640 phone
			await chooseLanguage(page, language.code);
			await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
			await expect(page.getByTestId('tile-experiences')).toContainText(language.home);
			await expectNoAxeViolations(page, `${language.code} home`);

			await startRound(page, ['club-sport']);
			await expect(page.locator('#card-prompt')).not.toBeEmpty();
			await expectNoAxeViolations(page, `${language.code} quiz card`);
			for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
			await expect(page).toHaveURL(/\/strengths$/);
			await expect(page.getByTestId('strengths-list').locator('li').first()).toBeVisible();

			await page.getByTestId('go-portfolio').click();
			await expect(page.getByTestId('portfolio-count')).toBeVisible();
			const titles = page.locator('[data-testid^="portfolio-"] strong');
			expect(await titles.count()).toBeGreaterThan(0);
			for (const title of await titles.allTextContents()) expect(title.trim()).not.toBe('');
			await expectNoAxeViolations(page, `${language.code} portfolio`);
		}
	);
}

test('ar: the layout is mirrored, not just flagged', { tag: '@phone-only' }, async ({ page }) => {
	// phone layout
	await chooseLanguage(page, 'ar');
	const width = page.viewportSize()!.width;
	const help = await page.getByTestId('help').boundingBox();
	const tileIcon = await page.getByTestId('tile-experiences').locator('img').boundingBox();
	// In Arabic the help button sits on the left and tile pictograms on the right.
	expect(help!.x + help!.width / 2).toBeLessThan(width / 2);
	expect(tileIcon!.x + tileIcon!.width / 2).toBeGreaterThan(width / 2);

	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('language-fr').click();
	await page.goto('/');
	await waitForApp(page);
	const helpFr = await page.getByTestId('help').boundingBox();
	expect(helpFr!.x + helpFr!.width / 2).toBeGreaterThan(width / 2);
});

test('switching language keeps every answer', { tag: '@phone-only' }, async ({ page }) => {
	// phone is enough
	await chooseLanguage(page, 'fr');
	await startRound(page, ['gardening']);
	await answerCurrentCard(page);
	await answerCurrentCard(page);
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(2);
	const before = await readStore(page, 'answers');
	const card = await page.getByTestId('quiz-card').getAttribute('data-card-id');
	for (const code of ['ar', 'en']) {
		await page.goto('/settings');
		await waitForApp(page);
		await page.getByTestId(`language-${code}`).click();
		await expect(page.locator('html')).toHaveAttribute('lang', code);
	}
	await page.goto('/quiz');
	await waitForApp(page);
	await expect(page.getByTestId('quiz-card')).toHaveAttribute('data-card-id', card!);
	expect(await readStore(page, 'answers')).toEqual(before);
});
