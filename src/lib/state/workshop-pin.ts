/** The facilitator PIN's check and change, loaded only when someone types a PIN (see workshop.svelte.ts). */
import { hashSecret, isPin, type CheckResult } from '../domain/picture-code';
import { session } from './session.svelte';

export async function checkPin(pin: string): Promise<CheckResult> {
	const { checkFacilitatorPin, loadDeviceSettings } = await import('../storage/device');
	const db = await session.db();
	const result = await checkFacilitatorPin(db, pin);
	// Keep the session's copy in step: the count of wrong attempts is stored with it.
	await session.updateDevice(await loadDeviceSettings(db));
	return result;
}

export async function setPin(pin: string): Promise<boolean> {
	if (!isPin(pin)) return false;
	const { facilitatorFailures: _f, facilitatorLastFailureAt: _l, ...device } = session.device;
	return session.updateDevice({ ...device, facilitatorPin: await hashSecret(pin) });
}
