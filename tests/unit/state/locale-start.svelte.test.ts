import { afterEach, describe, expect, it, vi } from 'vitest';
import ar from '../../../src/lib/i18n/locales/ar.json';

/** A fresh locale state per test (it is a singleton), with this device's saved language hint. */
async function freshLocale(hint: string | null) {
	vi.resetModules();
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => (key === 'atouts.language' ? hint : null),
		setItem: vi.fn()
	});
	return (await import('../../../src/lib/state/locale.svelte')).locale;
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.doUnmock('../../../src/lib/i18n/texts');
});

describe('locale.start, before hydration', () => {
	it('loads the language this device used last, so the page hydrates in it', async () => {
		const locale = await freshLocale('ar');
		await locale.start(['fr-FR']);
		expect(locale.code).toBe('ar');
		expect(locale.settled).toBe(true);
		expect(locale.t('home.intro')).toBe(ar.home.intro);
	});

	it("else the device's own language", async () => {
		const locale = await freshLocale(null);
		await locale.start(['uk-UA', 'en']);
		expect(locale.code).toBe('uk');
	});

	it('leaves French to the first paint (nothing to load)', async () => {
		const locale = await freshLocale(null);
		await locale.start(['fr-FR']);
		expect(locale.code).toBe('fr');
		expect(locale.settled).toBe(false);
	});

	it('never fails: without the files it stays French, for the session to try again', async () => {
		vi.doMock('../../../src/lib/i18n/texts', () => ({
			loadTexts: () => Promise.reject(new TypeError('Failed to fetch'))
		}));
		const locale = await freshLocale('ar');
		await expect(locale.start(['ar'])).resolves.toBeUndefined();
		expect(locale.code).toBe('fr');
		expect(locale.settled).toBe(false);
	});
});
