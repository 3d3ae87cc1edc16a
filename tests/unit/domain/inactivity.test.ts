import { describe, expect, it } from 'vitest';
import {
	AUTO_LOCK_CHOICES,
	inactivityPhase,
	inactivityPlan,
	MINUTE_MS,
	WARNING_MS
} from '../../../src/lib/domain/inactivity';

describe('inactivityPlan', () => {
	it('locks after the chosen minutes and warns during the last 30 seconds', () => {
		expect(inactivityPlan(3)).toEqual({ lockAfterMs: 3 * MINUTE_MS, warnMs: WARNING_MS });
		expect(inactivityPlan(15)).toEqual({ lockAfterMs: 15 * MINUTE_MS, warnMs: WARNING_MS });
	});

	it('never locks sooner than a minute, and warns for half of a very short delay at most', () => {
		expect(inactivityPlan(0).lockAfterMs).toBe(MINUTE_MS);
		expect(inactivityPlan(Number.NaN).lockAfterMs).toBe(3 * MINUTE_MS);
		for (const minutes of AUTO_LOCK_CHOICES) {
			const plan = inactivityPlan(minutes);
			expect(plan.warnMs).toBeLessThanOrEqual(plan.lockAfterMs / 2);
			expect(plan.warnMs).toBeGreaterThan(0);
		}
	});
});

describe('inactivityPhase', () => {
	const plan = inactivityPlan(3);
	const start = 1_000_000;

	it('is active until the warning, and says when the warning comes', () => {
		expect(inactivityPhase(start, start, plan)).toEqual({ phase: 'active', warnInMs: 150_000 });
		expect(inactivityPhase(start, start + 149_999, plan)).toEqual({ phase: 'active', warnInMs: 1 });
	});

	it('warns during the last 30 seconds with a countdown in whole seconds', () => {
		expect(inactivityPhase(start, start + 150_000, plan)).toEqual({
			phase: 'warning',
			lockInMs: 30_000,
			secondsLeft: 30
		});
		expect(inactivityPhase(start, start + 179_001, plan)).toEqual({ phase: 'warning', lockInMs: 999, secondsLeft: 1 });
	});

	it('locks once the delay has passed, however long ago (a tablet that slept)', () => {
		expect(inactivityPhase(start, start + 180_000, plan)).toEqual({ phase: 'locked' });
		expect(inactivityPhase(start, start + 10 * 3_600_000, plan)).toEqual({ phase: 'locked' });
	});

	it('treats a clock that went backwards as activity, never as a reason to lock', () => {
		expect(inactivityPhase(start, start - 3_600_000, plan).phase).toBe('active');
	});

	it('restarts from the last activity', () => {
		const touched = start + 170_000;
		expect(inactivityPhase(start, touched, plan).phase).toBe('warning');
		expect(inactivityPhase(touched, touched + 1000, plan).phase).toBe('active');
	});
});
