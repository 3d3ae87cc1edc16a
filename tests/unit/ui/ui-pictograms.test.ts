import { describe, it, expect } from 'vitest';
import { UI_PICTOGRAMS } from '../../../src/lib/ui/ui-pictograms';
import { AVATARS, CODE_PICTOGRAMS, PROFILE_COLORS } from '../../../src/lib/domain/profile-looks';
import { resolvePictogram } from '../../../scripts/lib/pack-dir';

describe('UI pictograms', () => {
	it.each(Object.entries(UI_PICTOGRAMS))('%s (%s) resolves to an icon', (_name, ref) => {
		const icon = resolvePictogram(ref);
		expect(icon, `${ref} does not exist`).toBeDefined();
		expect(icon!.body.length).toBeGreaterThan(0);
		expect(icon!.width).toBeGreaterThan(0);
		expect(icon!.height).toBeGreaterThan(0);
	});

	it('resolvePictogram refuses unknown icons and unknown sets', () => {
		expect(resolvePictogram('fluent-emoji-flat:no-such-icon')).toBeUndefined();
		expect(resolvePictogram('mdi:home')).toBeUndefined();
		expect(resolvePictogram('house')).toBeUndefined();
	});
});

describe('profile looks', () => {
	it.each([...AVATARS, ...CODE_PICTOGRAMS])('%s resolves to an icon', (ref) => {
		expect(resolvePictogram(ref), `${ref} does not exist`).toBeDefined();
	});

	it('has distinct avatars, colours and code pictograms, and a 3×3 grid', () => {
		expect(new Set(AVATARS).size).toBe(AVATARS.length);
		expect(new Set(PROFILE_COLORS.map((c) => c.id)).size).toBe(PROFILE_COLORS.length);
		expect(new Set(CODE_PICTOGRAMS).size).toBe(9);
	});
});
