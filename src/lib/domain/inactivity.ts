/**
 * Auto-lock on a shared tablet, as plain time arithmetic (no timers here, so it is unit-tested
 * and a sleeping tablet that wakes up long after is locked at once). After `lockAfterMs` without
 * a touch or a key the profile locks; during the last `warnMs` a warning asks "still here?".
 */
export const MINUTE_MS = 60_000;
/** The warning lasts 30 seconds, or half the delay when the delay is very short. */
export const WARNING_MS = 30_000;
/** What a facilitator can choose, in minutes. */
export const AUTO_LOCK_CHOICES = [1, 2, 3, 5, 10, 15] as const;

export interface InactivityPlan {
	lockAfterMs: number;
	warnMs: number;
}

export type InactivityPhase =
	| { phase: 'active'; warnInMs: number }
	| { phase: 'warning'; lockInMs: number; secondsLeft: number }
	| { phase: 'locked' };

export function inactivityPlan(minutes: number): InactivityPlan {
	const lockAfterMs = Math.max(1, Number.isFinite(minutes) ? minutes : 3) * MINUTE_MS;
	return { lockAfterMs, warnMs: Math.min(WARNING_MS, lockAfterMs / 2) };
}

/**
 * Where a session stands `now`, given the last sign of activity. A clock that went backwards
 * (the device's time was changed) counts as activity, never as a reason to lock.
 */
export function inactivityPhase(lastActivityAt: number, now: number, plan: InactivityPlan): InactivityPhase {
	const idle = Math.max(0, now - lastActivityAt);
	if (idle >= plan.lockAfterMs) return { phase: 'locked' };
	const warnAt = plan.lockAfterMs - plan.warnMs;
	if (idle < warnAt) return { phase: 'active', warnInMs: warnAt - idle };
	const lockInMs = plan.lockAfterMs - idle;
	return { phase: 'warning', lockInMs, secondsLeft: Math.ceil(lockInMs / 1000) };
}
