import { test, expect, type Page } from '@playwright/test';
import {
	answerCurrentCard,
	expectNoAxeViolations,
	portfolioTitles,
	readStore,
	startRound,
	waitForApp
} from './helpers';

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

			// No theme's name is cut at its tile's edge: a word too long for the tile wraps instead.
			await page.goto('/experiences');
			await waitForApp(page);
			const cut = await page.locator('ul.grid button.choice').evaluateAll((tiles) =>
				tiles
					.filter((tile) => {
						const label = tile.querySelector<HTMLElement>('.label')!;
						const [box, text] = [tile.getBoundingClientRect(), label.getBoundingClientRect()];
						return label.scrollWidth > label.clientWidth + 1 || text.left < box.left || text.right > box.right;
					})
					.map((tile) => tile.textContent)
			);
			expect(cut).toEqual([]);

			await startRound(page, ['club-sport']);
			await expect(page.locator('#card-prompt')).not.toBeEmpty();
			await expectNoAxeViolations(page, `${language.code} quiz card`);
			for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
			await expect(page).toHaveURL(/\/strengths$/);
			await expect(page.getByTestId('strengths-list').locator('li').first()).toBeVisible();

			await page.getByTestId('go-portfolio').click();
			const titles = await portfolioTitles(page);
			expect(titles.length).toBeGreaterThan(0);
			for (const title of titles) expect(title).not.toBe('');
			await expectNoAxeViolations(page, `${language.code} portfolio`);
		}
	);
}

test('ar: the layout is mirrored, not just flagged', { tag: '@phone-only' }, async ({ page }) => {
	// phone layout
	await chooseLanguage(page, 'ar');
	const width = page.viewportSize()!.width;
	const help = await page.getByTestId('help').boundingBox();
	const tileIcon = await page.getByTestId('tile-experiences').locator('svg.picto').boundingBox();
	// In Arabic the help button sits on the left and tile pictograms on the right.
	expect(help!.x + help!.width / 2).toBeLessThan(width / 2);
	expect(tileIcon!.x + tileIcon!.width / 2).toBeGreaterThan(width / 2);

	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('language-fr').click();
	// Applied only once saved: leaving earlier could cut the write short (a flaky run did).
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
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

/** Every value <html dir> takes while the page loads, and its value when the HTML is parsed. */
function watchDirection() {
	const w = window as unknown as { __dirs: string[]; __dirAtParse: string | null };
	w.__dirs = [];
	new MutationObserver(() => w.__dirs.push(document.documentElement.dir)).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['dir']
	});
	document.addEventListener('DOMContentLoaded', () => (w.__dirAtParse = document.documentElement.dir));
}
const directions = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { __dirs: string[]; __dirAtParse: string | null };
		return { __dirs: w.__dirs, __dirAtParse: w.__dirAtParse };
	});

test.describe('an Arabic phone', () => {
	test.use({ locale: 'ar-MA' });
	test('is right to left from the first paint, never mirrored twice', { tag: '@phone-only' }, async ({ page }) => {
		await page.addInitScript(watchDirection);
		await page.goto('/');
		await waitForApp(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		const seen = await directions(page);
		expect(seen.__dirAtParse).toBe('rtl');
		expect(seen.__dirs.length).toBeGreaterThan(0);
		expect(seen.__dirs.every((dir) => dir === 'rtl')).toBe(true);
	});
});

test(
	'a language chosen on this device sets the direction of the next load',
	{ tag: '@phone-only' },
	async ({ page }) => {
		await chooseLanguage(page, 'ar');
		await page.addInitScript(watchDirection);
		await page.reload();
		await waitForApp(page);
		let seen = await directions(page);
		expect(seen.__dirAtParse).toBe('rtl');
		expect(seen.__dirs.every((dir) => dir === 'rtl')).toBe(true);

		await page.goto('/settings');
		await waitForApp(page);
		await page.getByTestId('language-fr').click();
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await page.reload();
		await waitForApp(page);
		seen = await directions(page);
		expect(seen.__dirAtParse).toBe('ltr');
		expect(seen.__dirs.every((dir) => dir === 'ltr')).toBe(true);
	}
);
