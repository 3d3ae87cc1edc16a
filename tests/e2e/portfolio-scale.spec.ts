/**
 * A big portfolio (every competence recognised, thousands of answers, photos) is read in batches
 * and put in the page in steps, so that a slow phone never freezes. What must not change: every
 * row is there, in the order a small portfolio has (domains in pack order, then strongest first),
 * the map has one bar per domain, the page is no wider than the screen, details still open.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, readStore, waitForApp } from './helpers';
import { openHome } from './profile-helpers';

const COMPETENCES = JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as {
	id: string;
	domain: string;
}[];
const DOMAINS = (JSON.parse(readFileSync('src/lib/content/packs/socle/domains.json', 'utf8')) as { id: string }[]).map(
	(d) => d.id
);
const ANSWERS = 2000;
const PHOTOS = 30;

/** The level each competence ends at: every answer is a self-assessment, so the latest one's. */
const levelOf = (i: number) => (1 + ((i * 7) % 3)) as 1 | 2 | 3;
function expectedOrder(): string[] {
	const level = new Map<string, number>();
	for (let i = 0; i < ANSWERS; i++) level.set(COMPETENCES[i % COMPETENCES.length]!.id, levelOf(i));
	return DOMAINS.flatMap((domain) =>
		COMPETENCES.filter((c) => c.domain === domain)
			.map((c) => c.id)
			.sort((a, b) => level.get(b)! - level.get(a)! || a.localeCompare(b))
	);
}

test('a portfolio of 2,000 answers over every competence shows every row, in order', async ({ page }) => {
	// The app creates its database when something is first stored: the language, here.
	await openHome(page);
	await expect.poll(async () => (await readStore(page, 'settings')).length).toBe(1);
	await page.evaluate(
		async ({ answers, photos, competences, levels }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('atouts');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const canvas = new OffscreenCanvas(64, 48);
			canvas.getContext('2d')!.fillRect(0, 0, 32, 24);
			const photo = await canvas.convertToBlob({ type: 'image/jpeg' });
			const tx = db.transaction(['answers', 'evidence'], 'readwrite');
			const t0 = Date.UTC(2026, 0, 1);
			for (let i = 0; i < answers; i++)
				tx.objectStore('answers').put({
					id: `big-${i}`,
					profileId: 'default',
					roundId: `big-round-${Math.floor(i / 10)}`,
					cardId: `big-card-${i % 10}`,
					packId: 'socle',
					at: t0 + i * 60_000,
					value: { kind: 'self', competence: competences[i % competences.length], level: levels[i] }
				});
			for (let i = 0; i < photos; i++)
				tx.objectStore('evidence').put({
					id: `big-photo-${i}`,
					profileId: 'default',
					competence: competences[i % competences.length],
					kind: 'photo',
					mime: 'image/jpeg',
					blob: photo,
					bytes: photo.size,
					createdAt: t0 + i,
					hidden: false
				});
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{
			answers: ANSWERS,
			photos: PHOTOS,
			competences: COMPETENCES.map((c) => c.id),
			levels: Array.from({ length: ANSWERS }, (_, i) => levelOf(i))
		}
	);

	await page.goto('/portfolio');
	await waitForApp(page);
	const rows = page.locator('[data-testid^="portfolio-"]:has(strong)');
	await expect(rows).toHaveCount(COMPETENCES.length);
	await expect(page.getByTestId('portfolio-count')).toContainText(String(COMPETENCES.length));
	const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('portfolio-', '')));
	expect(ids).toEqual(expectedOrder());
	await expect(page.locator('section.group')).toHaveCount(DOMAINS.length);
	await expect(page.getByTestId('skills-map').locator('.bars li')).toHaveCount(DOMAINS.length);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);
	await expectNoAxeViolations(page, 'big portfolio');

	// The last row, far down the page, opens its details with its photo.
	const last = ids.at(-1)!;
	await page.getByTestId(`open-portfolio-${last}`).click();
	const detail = page.getByTestId('competence-detail');
	await expect(detail).toBeVisible();
	const photos = COMPETENCES.slice(0, PHOTOS).some((c) => c.id === last) ? 1 : 0;
	await expect(detail.locator('img[src^="blob:"]')).toHaveCount(photos);
});
