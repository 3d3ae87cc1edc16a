/**
 * A portfolio moves from a workshop tablet to a person's own phone: consent, QR code and
 * link, read-only view in a fresh browser, "save to my phone", and it is there.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	answerCurrentCard,
	appScriptsLoaded,
	expectNoAxeViolations,
	portfolioTitles,
	readStore,
	sampleLink,
	startRound,
	waitForApp
} from './helpers';

test(
	'share by link after consent, open it elsewhere read-only, save it there',
	{ tag: '@tablet-only' },
	async ({ page, browser }) => {
		// sharing starts on the workshop tablet
		await startRound(page, ['club-sport', 'cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.getByTestId('go-portfolio').click();
		const recognised = (await portfolioTitles(page)).length;
		expect(recognised).toBeGreaterThan(0);

		await page.getByTestId('share-start').click();
		await expect(page.getByTestId('share-consent')).toBeVisible();
		await expect(page.getByTestId('share-link')).toHaveCount(0); // nothing is shown before consent
		await expectNoAxeViolations(page, 'share consent');
		await page.getByTestId('share-first-name').fill('Samira');
		await page.getByTestId('share-agree').click();
		await expect(page.getByTestId('share-qr')).toBeVisible();
		const link = await page.getByTestId('share-link').getAttribute('href');
		expect(link).toMatch(/\/share#p=[A-Za-z0-9_-]+$/);
		expect(link!.length).toBeLessThanOrEqual(600);
		const qrModules = Number(await page.getByTestId('share-qr').getAttribute('data-modules'));
		expect(qrModules).toBeGreaterThan(20);

		// Open Badges, after the same consent: one credential per shared competence.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-badges').click()]);
		const badges = JSON.parse(
			await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
		);
		const credentials = recognised === 1 ? [badges] : badges.verifiableCredential;
		expect(credentials).toHaveLength(recognised);
		for (const credential of credentials) {
			expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
			expect(credential.credentialSubject.achievement.name).toBeTruthy();
			expect(credential.issuer.name).toBe('Samira');
		}

		// A different device: a fresh context with its own, empty storage.
		// No service worker there: its "works offline" banner, popping up at its own moment over the
		// bottom of the screen, could take the tap meant for "save" (offline is tested elsewhere).
		const phone = await browser.newContext({
			viewport: { width: 360, height: 640 },
			isMobile: true,
			hasTouch: true,
			serviceWorkers: 'block'
		});
		const other = await phone.newPage();
		const errors: string[] = [];
		other.on('pageerror', (error) => errors.push(error.message)); // e.g. the refused service worker
		// The browser inflates the link itself: the compression library (whose set-up alone was a
		// long task on a slow phone) is not loaded to read one.
		const scripts = appScriptsLoaded(other);
		await other.goto(link!);
		await waitForApp(other);
		await expect(other.getByTestId('share-owner')).toContainText('Samira');
		await expect(other.locator('[data-testid^="shared-"]')).toHaveCount(recognised);
		expect(scripts.all().length).toBeGreaterThan(0);
		expect(scripts.containing('invalid block type')).toEqual([]);
		expect(await readStore(other, 'answers')).toEqual([]);
		await expect(other.getByTestId('share-save')).toBeInViewport(); // on the first screen of a phone
		await expectNoAxeViolations(other, 'shared portfolio');

		await other.getByTestId('share-save').click();
		await expect(other.getByTestId('share-saved')).toBeVisible();
		expect((await readStore(other, 'answers')).length).toBe(recognised);
		await other.goto(`${new URL(link!).origin}/portfolio`);
		await waitForApp(other);
		expect(await portfolioTitles(other)).toHaveLength(recognised);
		expect(errors).toEqual([]);
		await phone.close();
	}
);

test('a damaged or foreign link says so clearly and stores nothing', { tag: '@phone-only' }, async ({ page }) => {
	// one device is enough
	for (const fragment of ['#p=%%%', '#p=AAAA', '#p=', '#nothing', '#p=' + 'A'.repeat(5000)]) {
		await page.goto(`/share${fragment}`);
		await waitForApp(page);
		await expect(page.getByTestId('share-error')).toBeVisible();
		await expect(page.getByTestId('share-error')).not.toBeEmpty();
	}
	expect(await readStore(page, 'answers')).toEqual([]);
});

test(
	'a big shared portfolio: "save to my phone" is on the first screen and stays put while the rows arrive',
	{ tag: '@phone-only' },
	async ({ page, baseURL }) => {
		// Rows of a big list are added a few at a time. The save button used to come after them: it
		// was pushed down as rows arrived, and a tap meant for it could land on a row.
		const competences = (JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as unknown[])
			.length;
		await page.addInitScript(() => {
			const w = window as unknown as { saveTops?: number[]; rowsWhenSaveShown?: number };
			new MutationObserver(() => {
				const save = document.querySelector('[data-testid="share-save"]');
				if (!save) return;
				w.rowsWhenSaveShown ??= document.querySelectorAll('[data-testid^="shared-"].row').length;
				(w.saveTops ??= []).push(save.getBoundingClientRect().top + scrollY);
			}).observe(document, { subtree: true, childList: true });
		});
		await page.goto(sampleLink(new URL('/', baseURL).href));
		await expect(page.getByTestId('share-save')).toBeInViewport();
		expect(competences).toBeGreaterThan(20); // big enough to render in steps
		await expect(page.locator('[data-testid^="shared-"].row')).toHaveCount(competences);
		const seen = await page.evaluate(() => {
			const { saveTops, rowsWhenSaveShown } = window as unknown as { saveTops: number[]; rowsWhenSaveShown: number };
			return { saveTops, rowsWhenSaveShown };
		});
		expect(seen.rowsWhenSaveShown).toBeLessThan(competences); // rows really did arrive after it
		expect(new Set(seen.saveTops.map(Math.round)).size).toBe(1); // and it never moved
		await expect(page.getByTestId('share-save')).toBeInViewport();

		// Each level shows as steps filled up to it (drawn by the style sheet from the level).
		const filled = await page.locator('[data-testid^="shared-"].row .steps').evaluateAll((all) =>
			all.map((steps) => ({
				level: Number((steps as HTMLElement).dataset.level),
				steps: [...steps.children]
					.map((step) => (getComputedStyle(step).backgroundColor === 'rgba(0, 0, 0, 0)' ? '○' : '●'))
					.join('')
			}))
		);
		expect(new Set(filled.map(({ level }) => level))).toEqual(new Set([1, 2, 3]));
		for (const { level, steps } of filled) expect(steps).toBe(['●○○', '●●○', '●●●'][level - 1]);
	}
);
