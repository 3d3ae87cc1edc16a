/** Shared-tablet helpers: pick a language, set picture codes, create profiles through the screens. */
import { expect, type Page } from '@playwright/test';
import { appDatabaseReady, expectNoAxeViolations, readStore, waitForApp } from './helpers';

/** A code as positions on the 3×3 grid. */
export const CODE_A = [0, 4, 8];
export const WRONG = [8, 4, 0];

export async function tapCode(page: Page, code: number[]) {
	for (const cell of code) await page.getByTestId(`code-cell-${cell}`).click();
}

/** Home on a freshly opened profile: the first-language dialog comes first. */
export async function openHome(page: Page) {
	await page.goto('/');
	await waitForApp(page);
	await chooseFrenchIfAsked(page);
}

export async function chooseFrenchIfAsked(page: Page) {
	const dialog = page.getByTestId('first-language');
	await expect(dialog.or(page.getByTestId('tile-quiz')).first()).toBeVisible();
	if (await dialog.isVisible()) {
		await page.getByTestId('language-fr').click();
		await expect(dialog).not.toBeVisible();
	}
}

/** Gives the open profile a picture code, from the settings screen (chosen twice). */
export async function setOwnCode(page: Page, code: number[]) {
	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('own-code').click();
	await tapCode(page, code);
	await expect(page.getByTestId('code-set')).toHaveAttribute('data-step', 'confirm');
	await tapCode(page, code);
	await expect(page.getByTestId('own-code-remove')).toBeVisible();
}

/**
 * Creates a profile from the picker (avatar, colour, an optional typed name, an optional code)
 * and lands on its home screen. Returns the new profile's id, read from IndexedDB.
 */
export async function createProfile(
	page: Page,
	options: { avatar: string; color: string; name?: string; code?: number[]; record?: boolean; axe?: boolean }
): Promise<string> {
	const before = new Set((await readStore(page, 'profiles')).map((p) => p.id as string));
	await page.getByTestId('profile-new').click();
	if (options.axe) await expectNoAxeViolations(page, 'new profile: avatars');
	await page.getByTestId(`avatar-${options.avatar}`).click();
	if (options.axe) await expectNoAxeViolations(page, 'new profile: colours');
	await page.getByTestId(`color-${options.color}`).click();
	if (options.name) await page.getByTestId('name-input').fill(options.name);
	if (options.record) {
		await page.getByTestId('name-record').click();
		await page.waitForTimeout(1200);
		await page.getByTestId('name-record').click();
		await expect(page.getByTestId('name-play')).toBeVisible();
	}
	if (options.axe) await expectNoAxeViolations(page, 'new profile: name');
	await page.getByTestId('create-next').click();
	if (options.code) {
		await page.getByTestId('code-yes').click();
		await tapCode(page, options.code);
		await tapCode(page, options.code);
	} else await page.getByTestId('code-no').click();
	await expect(page).toHaveURL(/\/$/);
	await waitForApp(page);
	await chooseFrenchIfAsked(page);
	const created = (await readStore(page, 'profiles')).find((p) => !before.has(p.id as string));
	expect(created, 'a new profile record').toBeDefined();
	return created!.id as string;
}

/** Every record of every store that names this profile (in its value or its key). */
export async function recordsOf(page: Page, profileId: string) {
	if (!(await appDatabaseReady(page))) return []; // no database, no records
	return page.evaluate(
		(id) =>
			new Promise<{ store: string; count: number }[]>((resolve, reject) => {
				const open = indexedDB.open('atouts');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const stores = [...db.objectStoreNames];
					const tx = db.transaction(stores);
					const out: { store: string; count: number }[] = [];
					for (const store of stores) {
						const request = tx.objectStore(store).openCursor();
						let count = 0;
						request.onsuccess = () => {
							const cursor = request.result;
							if (!cursor) return void out.push({ store, count });
							const mentions = (value: unknown): boolean =>
								value === id ||
								(Array.isArray(value) && value.some(mentions)) ||
								(typeof value === 'object' &&
									value !== null &&
									!(value instanceof Blob) &&
									Object.values(value).some(mentions));
							if (mentions(cursor.key) || mentions(cursor.value)) count++;
							cursor.continue();
						};
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out.filter((s) => s.count > 0));
					};
				};
			}),
		profileId
	);
}
