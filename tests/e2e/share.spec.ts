/**
 * A portfolio moves from a workshop tablet to a person's own phone: consent, QR code and
 * link, read-only view in a fresh browser, "save to my phone", and it is there.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerCurrentCard, expectNoAxeViolations, readStore, sampleLink, startRound, waitForApp } from './helpers';

test(
	'share by link after consent, open it elsewhere read-only, save it there',
	{ tag: '@tablet-only' },
	async ({ page, browser }) => {
		// sharing starts on the workshop tablet
		await startRound(page, ['club-sport', 'cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.getByTestId('go-portfolio').click();
		await expect(page.getByTestId('portfolio-count')).toBeVisible();
		const recognised = await page.locator('[data-testid^="portfolio-"] strong').count();
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
		await other.goto(link!);
		await waitForApp(other);
		await expect(other.getByTestId('share-owner')).toContainText('Samira');
		const shared = other.locator('[data-testid^="shared-"]');
		await expect(shared.first()).toBeVisible();
		expect(await shared.count()).toBe(recognised);
		expect(await readStore(other, 'answers')).toEqual([]);
		await expect(other.getByTestId('share-save')).toBeVisible(); // the whole screen is in (the save comes last)
		await expectNoAxeViolations(other, 'shared portfolio');

		await other.getByTestId('share-save').click();
		await expect(other.getByTestId('share-saved')).toBeVisible();
		expect((await readStore(other, 'answers')).length).toBe(recognised);
		await other.goto(`${new URL(link!).origin}/portfolio`);
		await waitForApp(other);
		await expect(other.getByTestId('portfolio-count')).toBeVisible();
		expect(await other.locator('[data-testid^="portfolio-"] strong').count()).toBe(recognised);
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
	'a big shared portfolio: "save to my phone" appears only once every row is in the page, so it never jumps down',
	{ tag: '@phone-only' },
	async ({ page, baseURL }) => {
		// Rows of a big list are added a few at a time; the save button used to show under the first
		// ones and be pushed down the screen as the rest arrived (a layout shift).
		const competences = (JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as unknown[])
			.length;
		await page.addInitScript(() => {
			new MutationObserver(() => {
				const w = window as unknown as { rowsWhenSaveShown?: number };
				if (w.rowsWhenSaveShown === undefined && document.querySelector('[data-testid="share-save"]'))
					w.rowsWhenSaveShown = document.querySelectorAll('[data-testid^="shared-"].row').length;
			}).observe(document, { subtree: true, childList: true });
		});
		await page.goto(sampleLink(new URL('/', baseURL).href));
		await expect(page.getByTestId('share-save')).toBeAttached();
		expect(competences).toBeGreaterThan(20); // big enough to render in steps
		expect(await page.evaluate(() => (window as unknown as { rowsWhenSaveShown?: number }).rowsWhenSaveShown)).toBe(
			competences
		);
	}
);
