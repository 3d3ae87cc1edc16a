/**
 * <html>'s `lang` and `dir` are written only when they change. Setting even the same value makes
 * the browser restyle every element (a style invalidation per element: ~300 on the themes screen,
 * twice at the start of every screen, traced inside the tasks Lighthouse counts as blocking).
 */
import { test, expect, type Page } from '@playwright/test';
import { waitForApp } from './helpers';

interface RootWrite {
	name: string;
	from: string | null;
	to: string | null;
}

/** Records every write of <html lang> and <html dir> from the first byte of the page on. */
async function recordRootWrites(page: Page) {
	await page.addInitScript(() => {
		const writes: RootWrite[] = [];
		(window as unknown as { rootWrites: RootWrite[] }).rootWrites = writes;
		// On the document: <html> may not exist yet when this runs.
		new MutationObserver((records) => {
			records.forEach((record, i) => {
				if (record.target !== document.documentElement) return;
				const name = record.attributeName!;
				// What it was set to: the next write's old value, or what it is now.
				const next = records
					.slice(i + 1)
					.find((later) => later.target === record.target && later.attributeName === name);
				const to = next ? next.oldValue : document.documentElement.getAttribute(name);
				writes.push({ name, from: record.oldValue, to });
			});
		}).observe(document, {
			attributes: true,
			attributeOldValue: true,
			attributeFilter: ['lang', 'dir'],
			subtree: true
		});
	});
	return async (): Promise<RootWrite[]> => {
		// Past the app's start and the person's language settling (texts loaded, effects run).
		await waitForApp(page);
		await page.waitForTimeout(500);
		return page.evaluate(() => (window as unknown as { rootWrites: RootWrite[] }).rootWrites);
	};
}

test.describe('fr', () => {
	test.use({ locale: 'fr-FR' });
	test('a French page keeps the lang and dir it was prerendered with: nothing is written', async ({ page }) => {
		const writes = await recordRootWrites(page);
		await page.goto('/experiences');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		expect(await writes()).toEqual([]);
	});
});

test.describe('ar', () => {
	test.use({ locale: 'ar' });
	test('an Arabic page gets right to left once and its lang once, never the same value again', async ({ page }) => {
		const writes = await recordRootWrites(page);
		await page.goto('/experiences');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		expect(await writes()).toEqual([
			{ name: 'dir', from: 'ltr', to: 'rtl' }, // the early inline script, before the first paint
			{ name: 'lang', from: 'fr', to: 'ar' } // the layout, once the Arabic texts are in
		]);
	});
});
