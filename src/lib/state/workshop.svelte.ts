/**
 * Workshop mode on a shared tablet. When it is on, participants see no settings and no
 * destructive action; the facilitator opens them with their PIN, for this page only (any
 * lock or change of person reloads the page and closes them again).
 * The facilitator's presence lives in the session (every screen's header reads it); the PIN
 * code loads when needed.
 */
import type { CheckResult } from '../domain/picture-code';
import { session } from './session.svelte';

const pin = () => import('./workshop-pin');

class WorkshopState {
	/** The facilitator entered their PIN on this page (kept in the session, see there). */
	get facilitator() {
		return session.facilitator;
	}

	/** Settings and destructive actions are hidden: workshop mode is on and no facilitator is here. */
	get participant() {
		return session.participant;
	}

	get hasPin() {
		return Boolean(session.device.facilitatorPin);
	}

	async checkPin(value: string): Promise<CheckResult> {
		const result = await (await pin()).checkPin(value);
		if (result.ok) session.setFacilitator(true);
		return result;
	}

	/** Sets (or changes) the facilitator PIN. Whoever sets it is the facilitator for this page. */
	async setPin(value: string): Promise<boolean> {
		const ok = await (await pin()).setPin(value);
		if (ok) session.setFacilitator(true);
		return ok;
	}

	/** Turns workshop mode on or off (on needs a PIN; the PIN stays for resetting codes). */
	async setWorkshop(on: boolean): Promise<boolean> {
		return on && !this.hasPin ? false : session.updateDevice({ ...session.device, workshop: on });
	}

	setAutoLock(minutes: number): Promise<boolean> {
		return session.updateDevice({ ...session.device, autoLockMinutes: minutes });
	}

	/** The facilitator hands the tablet back: settings hide again. */
	leave() {
		session.setFacilitator(false);
	}
}

export const workshop = new WorkshopState();
