/** Picture codes of profiles and the facilitator PIN: checked with the back-off, stored on disk. */
import { describe, expect, it } from 'vitest';
import { backoffMs, FIRST_WAIT_MS, hashSecret } from '../../../src/lib/domain/picture-code';
import { checkFacilitatorPin, loadDeviceSettings, saveDeviceSettings } from '../../../src/lib/storage/device';
import { checkProfileCode, getProfile, saveProfile, setProfileCode } from '../../../src/lib/storage/profiles';
import { freshDB } from './db-helpers';

describe('checkProfileCode', () => {
	it('opens with the right code, slows wrong ones down, and keeps the count on the profile', async () => {
		const db = await freshDB();
		await saveProfile(db, { id: 'anna', kind: 'named', createdAt: 1, code: await hashSecret([2, 2, 6]) });
		const t0 = 5_000_000;
		expect(await checkProfileCode(db, 'anna', [2, 2, 6], t0)).toEqual({ ok: true });
		for (let i = 1; i <= 3; i++) {
			const result = await checkProfileCode(db, 'anna', [6, 2, 2], t0 + i);
			expect(result).toEqual({ ok: false, waitMs: backoffMs(i) });
		}
		// The wait survives a reload: it is on the profile, not in memory.
		const stored = await getProfile(db, 'anna');
		expect(stored).toMatchObject({ failures: 3, lastFailureAt: t0 + 3 });
		// Even the right code waits, and the early attempt is not counted.
		expect(await checkProfileCode(db, 'anna', [2, 2, 6], t0 + 10_000)).toEqual({
			ok: false,
			waitMs: FIRST_WAIT_MS - 10_000 + 3
		});
		expect((await getProfile(db, 'anna'))?.failures).toBe(3);
		expect(await checkProfileCode(db, 'anna', [2, 2, 6], t0 + 3 + FIRST_WAIT_MS)).toEqual({ ok: true });
		const after = await getProfile(db, 'anna');
		expect(after?.failures).toBe(0);
		expect(after?.lastFailureAt).toBeUndefined();
	});

	it('a profile without a code opens, an unknown one does not', async () => {
		const db = await freshDB();
		await saveProfile(db, { id: 'bilal', kind: 'named', createdAt: 1 });
		expect(await checkProfileCode(db, 'bilal', [0, 0, 0])).toEqual({ ok: true });
		expect((await checkProfileCode(db, 'nobody', [0, 0, 0])).ok).toBe(false);
	});

	it('setProfileCode sets, resets (facilitator) and refuses a bad code', async () => {
		const db = await freshDB();
		await saveProfile(db, { id: 'anna', kind: 'named', createdAt: 1, failures: 5, lastFailureAt: 9 });
		await setProfileCode(db, 'anna', [1, 2, 3]);
		expect(await checkProfileCode(db, 'anna', [1, 2, 3])).toEqual({ ok: true });
		expect((await checkProfileCode(db, 'anna', [3, 2, 1])).ok).toBe(false);
		await setProfileCode(db, 'anna', null);
		const reset = await getProfile(db, 'anna');
		expect(reset).toEqual({ id: 'anna', kind: 'named', createdAt: 1 });
		await expect(setProfileCode(db, 'anna', [1, 2, 9])).rejects.toThrow();
		await expect(setProfileCode(db, 'nobody', [1, 2, 3])).rejects.toThrow();
	});
});

describe('checkFacilitatorPin', () => {
	it('checks the PIN with the back-off, stored in the device settings', async () => {
		const db = await freshDB();
		expect((await checkFacilitatorPin(db, '1234')).ok).toBe(false);
		await saveDeviceSettings(db, {
			key: 'device',
			workshop: true,
			autoLockMinutes: 3,
			facilitatorPin: await hashSecret('2468')
		});
		expect(await checkFacilitatorPin(db, '2468', 100)).toEqual({ ok: true });
		for (let i = 1; i <= 3; i++) await checkFacilitatorPin(db, '1357', 100 + i);
		// Tried again during the wait: refused, not counted.
		expect(await checkFacilitatorPin(db, '1357', 104)).toEqual({ ok: false, waitMs: 103 + backoffMs(3) - 104 });
		expect(await loadDeviceSettings(db)).toMatchObject({ facilitatorFailures: 3, facilitatorLastFailureAt: 103 });
		const t4 = 103 + backoffMs(3);
		expect(await checkFacilitatorPin(db, '1357', t4)).toEqual({ ok: false, waitMs: backoffMs(4) });
		expect(await loadDeviceSettings(db)).toMatchObject({ facilitatorFailures: 4, facilitatorLastFailureAt: t4 });
		expect(await checkFacilitatorPin(db, '2468', t4 + 1000)).toEqual({ ok: false, waitMs: backoffMs(4) - 1000 });
		expect(await checkFacilitatorPin(db, '2468', t4 + backoffMs(4))).toEqual({ ok: true });
		const device = await loadDeviceSettings(db);
		expect(device.facilitatorFailures).toBeUndefined();
		expect(device.workshop).toBe(true);
	});
});
