/** A structure adds its own questions: a good pack is added, a bad one changes nothing. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readStore, waitForApp } from './helpers';

test(
	'a valid pack is imported and its theme appears; a colliding one is refused',
	{ tag: '@tablet-only' },
	async ({ page }) => {
		// a coach task, on the tablet
		await page.goto('/settings');
		await waitForApp(page);

		await page.getByTestId('pack-file').setInputFiles({
			name: 'collide.json',
			mimeType: 'application/json',
			buffer: readFileSync('tests/fixtures/packs/collides-with-socle.json')
		});
		await expect(page.getByTestId('pack-import-refused')).toBeVisible();
		expect(await readStore(page, 'packs')).toEqual([]);

		await page.getByTestId('pack-file').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format": "atouts-pack/1", "meta": ')
		});
		await expect(page.getByTestId('pack-import-refused')).toContainText(/\S/);
		expect(await readStore(page, 'packs')).toEqual([]);

		await page.getByTestId('pack-file').setInputFiles({
			name: 'wip.json',
			mimeType: 'application/json',
			buffer: readFileSync('tests/fixtures/packs/valid-extra.json')
		});
		await expect(page.getByTestId('pack-import-ok')).toBeVisible();
		expect((await readStore(page, 'packs')).map((p) => p.id)).toEqual(['le-wip-atelier']);

		await page.goto('/experiences');
		await waitForApp(page);
		await expect(page.getByTestId('experience-wip-fablab')).toBeVisible();
		await expect(page.getByTestId('experience-club-sport')).toBeVisible();
	}
);
