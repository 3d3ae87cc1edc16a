/** This device's own settings: workshop mode, facilitator and coach PINs, auto-lock delay. */
import { DeviceSettingsSchema, type DeviceSettings } from '../domain/records';
import { checkWithBackoff, type CheckResult } from '../domain/picture-code';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { key: 'device', workshop: false, autoLockMinutes: 3 };

export async function loadDeviceSettings(db: AtoutsDB): Promise<DeviceSettings> {
	const value = await db.get('device', 'device');
	if (value === undefined) return { ...DEFAULT_DEVICE_SETTINGS };
	const [parsed] = await parseRows(db, 'device', DeviceSettingsSchema, [{ key: 'device', value }]);
	return parsed ?? { ...DEFAULT_DEVICE_SETTINGS };
}

export async function saveDeviceSettings(db: AtoutsDB, settings: DeviceSettings): Promise<void> {
	const parsed = DeviceSettingsSchema.parse(settings);
	await guardWrite(() => db.put('device', parsed));
}

/** Checks the facilitator PIN with the back-off; wrong attempts are stored on the device. */
export async function checkFacilitatorPin(db: AtoutsDB, pin: string, now = Date.now()): Promise<CheckResult> {
	const device = await loadDeviceSettings(db);
	if (!device.facilitatorPin) return { ok: false, waitMs: 0 };
	const attempts = { failures: device.facilitatorFailures, lastFailureAt: device.facilitatorLastFailureAt };
	const { result, attempts: next } = await checkWithBackoff(device.facilitatorPin, attempts, pin, now);
	if (next.failures !== (attempts.failures ?? 0) || next.lastFailureAt !== attempts.lastFailureAt) {
		const { facilitatorFailures: _f, facilitatorLastFailureAt: _l, ...rest } = device;
		await saveDeviceSettings(db, {
			...rest,
			...(next.failures ? { facilitatorFailures: next.failures } : {}),
			...(next.lastFailureAt ? { facilitatorLastFailureAt: next.lastFailureAt } : {})
		});
	}
	return result;
}
