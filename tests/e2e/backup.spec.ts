/** Back up, wipe, restore: every answer and every piece of evidence comes back. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerCurrentCard, readStore, startRound, waitForApp } from './helpers';

test(
	'backup, wipe the device, restore: everything is back, evidence included',
	{ tag: '@tablet-only' },
	async ({ page }) => {
		// one device is enough
		await startRound(page, ['gardening']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.goto('/portfolio');
		await waitForApp(page);
		await expect(page.getByTestId('portfolio-count')).toBeVisible();
		const first = page.locator('[data-testid^="open-portfolio-"]').first();
		await first.click();
		await page.getByTestId('photo-input').setInputFiles('static/icons/icon-512.png');
		await expect(page.getByTestId('evidence-photo')).toBeVisible();
		await page.getByTestId('detail-close').click();

		// A next step agreed with a coach travels in the backup too (written as the coach screen would).
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('atouts');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction('nextSteps', 'readwrite');
						tx.objectStore('nextSteps').put({
							id: 'step-1',
							profileId: 'default',
							kind: 'job',
							text: 'Offre de commis de cuisine',
							date: '2026-12-01',
							at: Date.now()
						});
						tx.oncomplete = () => (open.result.close(), resolve());
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		const stepsBefore = await readStore(page, 'nextSteps');
		expect(stepsBefore).toHaveLength(1);
		const answersBefore = await readStore(page, 'answers');
		const evidenceBefore = (await readStore(page, 'evidence')).map(({ blob: _blob, ...rest }) => rest);
		expect(evidenceBefore).toHaveLength(1);

		await page.goto('/settings');
		await waitForApp(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-save').click()]);
		expect(download.suggestedFilename()).toMatch(/^atouts-.*\.zip$/);
		const file = await download.path();
		await expect(page.getByTestId('backup-saved')).toBeVisible();

		// Wipe: the whole database goes (the app closes its connection when asked).
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.deleteDatabase('atouts');
					request.onsuccess = () => resolve();
					request.onerror = () => reject(request.error);
				})
		);
		await page.reload();
		await waitForApp(page);
		expect(await readStore(page, 'answers')).toEqual([]);

		await page
			.getByTestId('restore-file')
			.setInputFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: readFileSync(file) });
		await expect(page.getByTestId('restore-preview')).toBeVisible();
		// When the file was made, as the person's language writes a day (never a text's key).
		await expect(page.locator('#restore-title')).toHaveText(/^Backup from \d{1,2}\s\S+\s\d{4}$/);
		expect(await readStore(page, 'answers')).toEqual([]); // nothing changes before "yes"
		await expect(page.getByTestId('restore-coach-work')).toHaveText('One coach note or next step will be added.');
		await page.getByTestId('restore-apply').click();
		await expect(page.getByTestId('restore-done')).toBeVisible();

		const answersAfter = await readStore(page, 'answers');
		expect(answersAfter.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
			answersBefore.sort((a, b) => String(a.id).localeCompare(String(b.id)))
		);
		const evidenceAfter = (await readStore(page, 'evidence')).map(({ blob: _blob, ...rest }) => rest);
		expect(evidenceAfter).toEqual(evidenceBefore);
		expect(await readStore(page, 'nextSteps')).toEqual(stepsBefore);

		await page.goto('/portfolio');
		await waitForApp(page);
		await page.locator('[data-testid^="open-portfolio-"]').first().click();
		const photo = page.getByTestId('evidence-photo').locator('img:not([alt=""])');
		await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

		// A file that is not a backup is refused and changes nothing.
		await page.goto('/settings');
		await waitForApp(page);
		await page
			.getByTestId('restore-file')
			.setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not really') });
		await expect(page.getByTestId('restore-refused')).toBeVisible();
		expect(await readStore(page, 'answers')).toHaveLength(answersBefore.length);
	}
);
