/**
 * "Wipe this profile": after it, IndexedDB holds no record of the wiped profile, and no cache
 * holds any of its Blobs (its recorded name, its photo), while the other profile is untouched.
 */
import { test, expect, type Page } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome';
import { answerCurrentCard, readStore, startRound, waitForApp, waitForServiceWorker } from './helpers';
import { createProfile, openHome, recordsOf } from './profile-helpers';

test.use({
	launchOptions: {
		executablePath: findChrome(),
		args: [...CHROME_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	},
	permissions: ['microphone']
});

/** SHA-256 of the Blobs a profile owns (its name clip, its evidence), read from IndexedDB. */
async function blobHashesOf(page: Page, profileId: string): Promise<string[]> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('atouts');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = (store: string) =>
			new Promise<Record<string, unknown>[]>((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
			});
		const blobs = [
			...(await all('profiles')).filter((p) => p.id === id).map((p) => p.nameClip),
			...(await all('evidence')).filter((e) => e.profileId === id).map((e) => e.blob)
		].filter((b): b is Blob => b instanceof Blob);
		db.close();
		const hex = (buffer: ArrayBuffer) =>
			[...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
		return Promise.all(blobs.map(async (b) => hex(await crypto.subtle.digest('SHA-256', await b.arrayBuffer()))));
	}, profileId);
}

/** SHA-256 of every response body in Cache Storage, with its URL. */
async function cachedHashes(page: Page): Promise<{ url: string; hash: string }[]> {
	return page.evaluate(async () => {
		const hex = (buffer: ArrayBuffer) =>
			[...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
		const out: { url: string; hash: string }[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				if (response)
					out.push({
						url: request.url,
						hash: hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()))
					});
			}
		}
		return out;
	});
}

test(
	'wiping a profile removes its records, its Blobs and anything cached',
	{ tag: '@tablet-only' },
	async ({ page }) => {
		// A keeps one answer; B gets a recorded name, answers and a photo.
		await openHome(page);
		await waitForServiceWorker(page);
		await startRound(page, ['club-sport']);
		await answerCurrentCard(page);
		const aId = (await readStore(page, 'profiles'))[0]!.id as string;
		await page.goto('/profiles');
		await waitForApp(page);
		const bId = await createProfile(page, { avatar: 'fox', color: 'purple', record: true });
		await startRound(page, ['cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await page.goto('/portfolio');
		await waitForApp(page);
		const firstRow = page.locator('[data-testid^="open-portfolio-"]').first();
		await firstRow.click();
		await page.getByTestId('photo-input').setInputFiles('static/icons/icon-512.png');
		await expect(page.getByTestId('competence-detail').getByTestId('evidence-photo')).toBeVisible();
		await page.getByTestId('detail-close').click();

		const bBlobs = await blobHashesOf(page, bId);
		expect(bBlobs, 'a name clip and a photo').toHaveLength(2);
		expect((await recordsOf(page, bId)).map((r) => r.store)).toEqual(
			expect.arrayContaining(['profiles', 'answers', 'rounds', 'picks', 'evidence', 'settings'])
		);
		const aBefore = await recordsOf(page, aId);

		// B leaves and wipes their profile (confirmed with pictograms and audio).
		await page.goto('/');
		await waitForApp(page);
		await page.getByTestId('switch-person').click();
		await page.getByTestId('end-wipe').click();
		await expect(page.getByTestId('wipe-confirm')).toBeVisible();
		await page.getByTestId('wipe-yes').click();
		await expect(page).toHaveURL(/\/profiles$/);
		await waitForApp(page);

		expect(await recordsOf(page, bId)).toEqual([]);
		expect(await recordsOf(page, aId)).toEqual(expect.arrayContaining(aBefore));
		expect((await recordsOf(page, aId)).length).toBe(aBefore.length);
		const cached = await cachedHashes(page);
		expect(cached.length, 'the app is precached').toBeGreaterThan(10);
		expect(cached.filter((c) => bBlobs.includes(c.hash))).toEqual([]);
		expect(cached.filter((c) => !c.url.startsWith('http'))).toEqual([]);
		const session = await page.evaluate(() => Object.entries(sessionStorage));
		expect(session.filter(([key, value]) => key.includes(bId) || value.includes(bId))).toEqual([]);
		await expect(page.getByTestId('profile-open')).toHaveCount(1);
	}
);
