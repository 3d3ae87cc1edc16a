import { describe, it, expect } from 'vitest';
import { UI_PICTOGRAMS } from '../../../src/lib/ui/ui-pictograms';
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
