import { describe, expect, it } from 'vitest';
import { firstPaintT } from '../../../src/lib/i18n/first-paint';
import { i18n } from '../../../src/lib/i18n/i18n';
import fr from '../../../src/lib/i18n/locales/fr.json';
import { SAMPLE_VALUES, baseKeysOf, type Tree } from './text-keys';

const baseKeys = baseKeysOf(fr as Tree);

describe('first-paint French texts', () => {
	it('gives exactly what i18next gives, for every key, count and value', async () => {
		await i18n.changeLanguage('fr');
		expect(baseKeys.length).toBeGreaterThan(50);
		for (const key of baseKeys) {
			for (const options of [{}, { count: 0 }, { count: 1 }, { count: 2 }, { count: 1_000_000 }]) {
				const withValues = { ...options, ...SAMPLE_VALUES };
				expect(firstPaintT(key, withValues), `${key} ${JSON.stringify(options)}`).toBe(i18n.t(key, withValues));
			}
		}
	});

	it('falls back to the key itself for an unknown key, like i18next', () => {
		expect(firstPaintT('no.such.key')).toBe('no.such.key');
		expect(i18n.t('no.such.key')).toBe('no.such.key');
	});
});
