/**
 * Once i18next has loaded, `t()` reads most texts straight from its store (src/lib/i18n/translate.ts)
 * and asks i18next only for what that cannot read: every text must come out exactly as i18next
 * writes it, in every shipped language, with and without counts and values.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { locale, t } from '../../../src/lib/state/locale.svelte';
import { i18n } from '../../../src/lib/i18n/i18n';
import { SHIPPED_LANGUAGES } from '../../../src/lib/i18n/languages';
import fr from '../../../src/lib/i18n/locales/fr.json';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
function keysOf(tree: Tree, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) =>
		typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)
	);
}
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
const VALUES = {
	label: 'Écouter',
	name: 'X',
	author: 'Y',
	licence: 'MIT',
	title: 'T',
	version: '1',
	current: 3,
	total: 1_500,
	n: 7,
	used: 12
};

afterAll(() => locale.use('fr'));

describe('texts read without i18next, once it has loaded', () => {
	for (const { code } of SHIPPED_LANGUAGES)
		it(`${code}: every key gives what i18next gives, with every count and value`, async () => {
			await locale.use(code);
			const keys = new Set(
				[...keysOf(fr as Tree), ...keysOf((i18n.getResourceBundle(code, 'translation') ?? {}) as Tree)].map((k) =>
					k.replace(PLURAL, '')
				)
			);
			expect(keys.size).toBeGreaterThan(100);
			for (const key of keys) {
				expect(t(key), key).toBe(i18n.t(key));
				for (const counted of COUNTS) {
					const options = { ...counted, ...VALUES };
					expect(t(key, options), `${key} ${JSON.stringify(counted)}`).toBe(i18n.t(key, options));
				}
			}
		});

	it("asks i18next nothing for the app's own texts (its general path was the cost)", async () => {
		await locale.use('ar');
		const asked = vi.spyOn(i18n, 't');
		const texts = keysOf(fr as Tree).map((key) => t(key.replace(PLURAL, ''), { count: 2, ...VALUES }));
		expect(texts.length).toBeGreaterThan(100);
		expect(asked).not.toHaveBeenCalled();
		asked.mockRestore();
	});

	it('falls back to French for a text the language lacks, and to the key for one nobody has', async () => {
		await locale.use('ar');
		i18n.addResource('fr', 'translation', 'test.onlyInFrench', '{{count, number}} seulement en français');
		expect(t('test.onlyInFrench', { count: 2 })).toBe('2 seulement en français');
		expect(t('test.nowhere')).toBe('test.nowhere');
		expect(t('test.nowhere')).toBe(i18n.t('test.nowhere'));
	});

	it('leaves to i18next what only it reads: nesting, other formats, its own options', async () => {
		await locale.use('en');
		i18n.addResource('en', 'translation', 'test.nested', '$t(app.name) here');
		i18n.addResource('en', 'translation', 'test.dated', 'Saved on {{date, datetime}}');
		i18n.addResource('en', 'translation', 'test.raw', 'Raw {{- html}}');
		expect(t('test.nested')).toBe(`${i18n.t('app.name')} here`);
		expect(t('test.nested')).not.toContain('$t(');
		const date = new Date(Date.UTC(2026, 10, 29));
		expect(t('test.dated', { date })).toBe(i18n.t('test.dated', { date }));
		expect(t('test.dated', { date })).not.toContain('{{');
		expect(t('test.raw', { html: '<b>' })).toBe('Raw <b>');
		expect(t('app.name', { lng: 'ar' })).toBe(i18n.t('app.name', { lng: 'ar' }));
		expect(t('home.intro', { lng: 'ar' })).not.toBe(t('home.intro'));
		// A value given as undefined is written empty by i18next; one not given leaves its placeholder.
		expect(t('portfolio.count', { count: 2, label: undefined })).toBe(i18n.t('portfolio.count', { count: 2 }));
	});
});
