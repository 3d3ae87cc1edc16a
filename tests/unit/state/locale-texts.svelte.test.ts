/**
 * Once loaded, `t()` reads the texts straight from them (src/lib/i18n/texts.ts, translate.ts) and
 * loads i18next only for what that cannot read: every text must come out exactly as i18next writes
 * it, in every shipped language, with and without counts and values.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { locale, t } from '../../../src/lib/state/locale.svelte';
import { i18n, loadLocale } from '../../../src/lib/i18n/i18n';
import { loadTexts } from '../../../src/lib/i18n/texts';
import { SHIPPED_LANGUAGES } from '../../../src/lib/i18n/languages';
import fr from '../../../src/lib/i18n/locales/fr.json';
import { PLURAL, SAMPLE_VALUES as VALUES, keysOf, type Tree } from '../i18n/text-keys';
import { watch } from './watch.svelte';

const COUNTS = [
	{},
	{ count: 0 },
	{ count: 1 },
	{ count: 2 },
	{ count: 3 },
	{ count: 11 },
	{ count: 100 },
	{ count: 1_234 },
	{ count: 1_000_000 }
];

/** A text added for a test, where the app reads it and where i18next does. */
async function addText(code: string, key: string, text: string) {
	const [namespace, name] = key.split('.') as [string, string];
	const tree = (await loadTexts(code)) as Tree;
	tree[namespace] = { ...(tree[namespace] as Tree | undefined), [name]: text };
	await loadLocale(code);
	i18n.addResource(code, 'translation', key, text);
}

afterAll(() => locale.use('fr'));

describe('texts read without i18next', () => {
	for (const { code } of SHIPPED_LANGUAGES)
		it(`${code}: every key gives what i18next gives, with every count and value`, async () => {
			await locale.use(code);
			await loadLocale(code);
			const keys = new Set(
				[...keysOf(fr as Tree), ...keysOf((i18n.getResourceBundle(code, 'translation') ?? {}) as Tree)].map((k) =>
					k.replace(PLURAL, '')
				)
			);
			expect(keys.size).toBeGreaterThan(100);
			for (const key of keys) {
				expect(t(key), key).toBe(i18n.t(key, { lng: code }));
				for (const counted of COUNTS) {
					const options = { ...counted, ...VALUES };
					expect(t(key, options), `${key} ${JSON.stringify(counted)}`).toBe(i18n.t(key, { lng: code, ...options }));
				}
			}
		});

	it("asks i18next nothing for the app's own texts (it is no longer loaded for them)", async () => {
		await locale.use('ar');
		const asked = vi.spyOn(i18n, 't');
		const texts = keysOf(fr as Tree).map((key) => t(key.replace(PLURAL, ''), { count: 2, ...VALUES }));
		expect(texts.length).toBeGreaterThan(100);
		expect(asked).not.toHaveBeenCalled();
		asked.mockRestore();
	});

	it('falls back to French for a text the language lacks, and to the key for one nobody has', async () => {
		await locale.use('ar');
		await addText('fr', 'test.onlyInFrench', '{{count, number}} seulement en français');
		expect(t('test.onlyInFrench', { count: 2 })).toBe('2 seulement en français');
		expect(t('test.nowhere')).toBe('test.nowhere');
		expect(t('test.nowhere')).toBe(i18n.t('test.nowhere'));
	});

	it('loads i18next for what only it reads (nesting, other formats, its own options), then redoes those texts', async () => {
		await locale.use('en');
		await addText('en', 'test.nested', '$t(app.name) here');
		await addText('en', 'test.dated', 'Saved on {{date, datetime}}');
		await addText('en', 'test.raw', 'Raw {{- html}}');
		const date = new Date(Date.UTC(2026, 10, 29));
		const dated = watch(() => t('test.dated', { date }));
		await vi.waitFor(() => expect(dated.runs()).toBe(2)); // the key stood in, then i18next's text
		expect(dated.last()).toBe(i18n.t('test.dated', { lng: 'en', date }));
		expect(dated.last()).toMatch(/^Saved on .*2026/);
		dated.stop();
		expect(t('test.nested')).toBe(`${i18n.t('app.name', { lng: 'en' })} here`);
		expect(t('test.raw', { html: '<b>' })).toBe('Raw <b>');
		expect(t('app.name', { lng: 'ar' })).toBe(i18n.t('app.name', { lng: 'ar' }));
		expect(t('home.intro', { lng: 'ar' })).not.toBe(t('home.intro'));
		// A value given as undefined is written empty by i18next; one not given leaves its placeholder.
		expect(t('portfolio.count', { count: 2, label: undefined })).toBe(
			i18n.t('portfolio.count', { lng: 'en', count: 2 })
		);
	});
});
