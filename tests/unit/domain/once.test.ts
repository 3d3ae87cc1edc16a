import { describe, expect, it } from 'vitest';
import { once } from '../../../src/lib/domain/once';

describe('once', () => {
	it('a failed download is tried again, a good one is kept', async () => {
		let calls = 0;
		const load = once(async () => {
			calls++;
			if (calls === 1) throw new Error('offline');
			return calls;
		});
		await expect(load()).rejects.toThrow('offline');
		expect(await load()).toBe(2);
		expect(await load()).toBe(2);
		expect(calls).toBe(2);
	});
});
