import { describe, expect, it } from 'vitest';
import {
	backoffMs,
	checkWithBackoff,
	FIRST_WAIT_MS,
	FREE_ATTEMPTS,
	hashSecret,
	isPictureCode,
	isPin,
	MAX_WAIT_MS,
	secretMatches,
	waitLeftMs,
	type Attempts
} from '../../../src/lib/domain/picture-code';

describe('picture codes and PINs', () => {
	it('a picture code is three positions of the 3×3 grid, repeats allowed', () => {
		expect(isPictureCode([0, 4, 8])).toBe(true);
		expect(isPictureCode([2, 2, 2])).toBe(true);
		expect(isPictureCode([0, 4])).toBe(false);
		expect(isPictureCode([0, 4, 8, 1])).toBe(false);
		expect(isPictureCode([0, 9, 1])).toBe(false);
		expect(isPictureCode([0, -1, 1])).toBe(false);
		expect(isPictureCode([0, 1.5, 1])).toBe(false);
	});

	it('a PIN is 4 to 8 digits', () => {
		expect(isPin('1234')).toBe(true);
		expect(isPin('12345678')).toBe(true);
		expect(isPin('123')).toBe(false);
		expect(isPin('123456789')).toBe(false);
		expect(isPin('12a4')).toBe(false);
	});

	it('stores a salted hash, never the code, and only the same code matches', async () => {
		const stored = await hashSecret([1, 5, 7]);
		expect(JSON.stringify(stored)).not.toContain('1-5-7');
		expect(await secretMatches(stored, [1, 5, 7])).toBe(true);
		expect(await secretMatches(stored, [1, 7, 5])).toBe(false);
		expect(await secretMatches(stored, [1, 5, 8])).toBe(false);
		const again = await hashSecret([1, 5, 7]);
		expect(again.salt).not.toBe(stored.salt);
		expect(again.hash).not.toBe(stored.hash);
		const pin = await hashSecret('2468');
		expect(await secretMatches(pin, '2468')).toBe(true);
		expect(await secretMatches(pin, '24680')).toBe(false);
	});
});

describe('back-off', () => {
	it('gives three free attempts, then doubles the wait from 30 s up to 15 min', () => {
		expect(FREE_ATTEMPTS).toBe(3);
		for (let f = 0; f < FREE_ATTEMPTS; f++) expect(backoffMs(f)).toBe(0);
		expect(backoffMs(3)).toBe(FIRST_WAIT_MS);
		expect(backoffMs(4)).toBe(2 * FIRST_WAIT_MS);
		expect(backoffMs(5)).toBe(4 * FIRST_WAIT_MS);
		expect(backoffMs(8)).toBe(MAX_WAIT_MS);
		expect(backoffMs(50)).toBe(MAX_WAIT_MS);
		for (let f = 1; f < 20; f++) expect(backoffMs(f)).toBeGreaterThanOrEqual(backoffMs(f - 1));
	});

	it('counts the wait from the last wrong attempt', () => {
		expect(waitLeftMs({ failures: 3 }, 5000)).toBe(0);
		expect(waitLeftMs({ failures: 3, lastFailureAt: 1000 }, 1000)).toBe(30_000);
		expect(waitLeftMs({ failures: 3, lastFailureAt: 1000 }, 21_000)).toBe(10_000);
		expect(waitLeftMs({ failures: 3, lastFailureAt: 1000 }, 31_000)).toBe(0);
		expect(waitLeftMs({ failures: 2, lastFailureAt: 1000 }, 1000)).toBe(0);
	});
});

describe('checkWithBackoff', () => {
	it('slows wrong attempts down, refuses early ones unchecked, and clears the count on success', async () => {
		const stored = await hashSecret([0, 4, 8]);
		let attempts: Attempts = {};
		let now = 1_000_000;
		const tryCode = async (code: number[]) => {
			const out = await checkWithBackoff(stored, attempts, code, now);
			attempts = out.attempts;
			return out.result;
		};
		// Three slips are free.
		for (let i = 1; i <= 3; i++) {
			const result = await tryCode([1, 1, 1]);
			expect(result).toEqual({ ok: false, waitMs: i < 3 ? 0 : FIRST_WAIT_MS });
			expect(attempts).toEqual({ failures: i, lastFailureAt: now });
			now += 1000;
		}
		// During the wait, even the right code is refused and the attempt is not counted.
		const early = await tryCode([0, 4, 8]);
		expect(early.ok).toBe(false);
		expect(early).toEqual({ ok: false, waitMs: FIRST_WAIT_MS - 1000 });
		expect(attempts.failures).toBe(3);
		// After the wait, a fourth wrong attempt doubles it.
		now += FIRST_WAIT_MS;
		expect(await tryCode([8, 4, 0])).toEqual({ ok: false, waitMs: 2 * FIRST_WAIT_MS });
		expect(attempts.failures).toBe(4);
		now += 2 * FIRST_WAIT_MS;
		expect(await tryCode([0, 4, 8])).toEqual({ ok: true });
		expect(attempts).toEqual({ failures: 0 });
	});
});
