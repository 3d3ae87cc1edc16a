/**
 * Workshop mode: set up from the settings with a facilitator PIN (twice). Participants then see
 * no settings and cannot reach them or the voice studio; the facilitator's PIN opens them.
 */
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, readStore, waitForApp } from './helpers';
import { openHome } from './profile-helpers';

const PIN = '2468';

test(
	'workshop mode hides the settings from participants; the facilitator PIN opens them',
	{ tag: '@tablet-only' },
	async ({ page, context }) => {
		await openHome(page);
		await page.goto('/settings');
		await waitForApp(page);
		await page.getByTestId('toggle-workshop').click();
		const setPin = page.getByTestId('facilitator-pin-set');
		await setPin.getByTestId('facilitator-pin-set-input').fill(PIN);
		await setPin.getByTestId('facilitator-pin-set-ok').click();
		await setPin.getByTestId('facilitator-pin-set-input').fill('1357');
		await setPin.getByTestId('facilitator-pin-set-ok').click();
		await expect(page.getByTestId('facilitator-pin-set-problem')).toBeVisible();
		await setPin.getByTestId('facilitator-pin-set-input').fill(PIN);
		await setPin.getByTestId('facilitator-pin-set-ok').click();
		await setPin.getByTestId('facilitator-pin-set-input').fill(PIN);
		await setPin.getByTestId('facilitator-pin-set-ok').click();
		await expect(page.getByTestId('toggle-workshop')).toHaveAttribute('aria-pressed', 'true');
		await page.getByTestId('autolock-5').click();
		await expect(page.getByTestId('autolock-5')).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByTestId('pinning-help')).toBeVisible();
		await expectNoAxeViolations(page, 'facilitator settings');
		const [device] = await readStore(page, 'device');
		expect(device).toMatchObject({ workshop: true, autoLockMinutes: 5 });
		expect(JSON.stringify(device)).not.toContain(PIN);

		// The facilitator hands the tablet back: no way into the settings for the participant.
		await page.getByTestId('facilitator-leave').click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('profile-bar')).toBeVisible();
		await expect(page.locator('a[href$="/settings"]')).toHaveCount(0);
		await page.goto('/quiz');
		await waitForApp(page);
		await expect(page.locator('a[href$="/settings"]')).toHaveCount(0);
		// Typed by hand, the settings ask for the facilitator PIN and show nothing else.
		await page.goto('/settings');
		await waitForApp(page);
		await expect(page.getByTestId('facilitator-gate')).toBeVisible();
		await expect(page.getByTestId('toggle-sound')).toHaveCount(0);
		await expect(page.getByTestId('open-studio')).toHaveCount(0);
		for (const id of ['backup-save', 'restore-file', 'pack-file', 'wipe-own'])
			await expect(page.getByTestId(id)).toHaveCount(0);
		await page.goto('/studio');
		await expect(page).toHaveURL(/\/settings$/);
		await expect(page.getByTestId('facilitator-gate')).toBeVisible();
		await page.getByTestId('facilitator-pin-input').fill('1111');
		await page.getByTestId('facilitator-pin-ok').click();
		await expect(page.getByTestId('facilitator-pin-problem')).toBeVisible();
		await expect(page.getByTestId('toggle-sound')).toHaveCount(0);
		await page.getByTestId('facilitator-pin-input').fill(PIN);
		await page.getByTestId('facilitator-pin-ok').click();
		await expect(page.getByTestId('toggle-sound')).toBeVisible();
		await expect(page.getByTestId('open-studio')).toBeVisible();
		await expect(page.getByTestId('pack-file')).toBeAttached();

		// Another tab in workshop mode starts at the picker; its discreet key asks for the PIN.
		const other = await context.newPage();
		await other.goto('/');
		await expect(other).toHaveURL(/\/profiles$/);
		await waitForApp(other);
		await expect(other.locator('a[href$="/settings"]')).toHaveCount(0);
		await other.goto('/settings');
		await expect(other).toHaveURL(/\/profiles$/);
		await other.getByTestId('facilitator-entry').click();
		await other.getByTestId('facilitator-pin-input').fill(PIN);
		await other.getByTestId('facilitator-pin-ok').click();
		await expect(other).toHaveURL(/\/settings$/);
		await expect(other.getByTestId('toggle-workshop')).toBeVisible();
		// Nobody's own settings while nobody is in: only the device's.
		await expect(other.getByTestId('toggle-sound')).toHaveCount(0);
		await expect(other.getByTestId('profile-admin')).toBeVisible();
	}
);
