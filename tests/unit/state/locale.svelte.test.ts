import { describe, expect, it } from 'vitest';
import { locale, t } from '../../../src/lib/state/locale.svelte';
import { i18n, loadLocale } from '../../../src/lib/i18n/i18n';
import { watch } from './watch.svelte';

// The Svelte runtime flushes effects in a microtask; `flushSync` from 'svelte' would be the
// server build's here (Node resolves the package), so tests wait for a task instead.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** `watch`, once its effect has run. */
async function watched(read: () => string) {
	const watching = watch(read);
	await settle();
	return watching;
}

describe('locale state', () => {
	it('does not re-render French texts when i18next takes over the first paint, and does on a real change', async () => {
		const intro = await watched(() => t('home.intro'));
		const counted = await watched(() => t('portfolio.count', { count: 2 }));
		expect(intro.runs()).toBe(1);
		const firstPaint = intro.last();
		expect(locale.settled).toBe(false);

		await locale.use('fr');
		await settle();
		expect(locale.settled).toBe(true);
		expect(intro.runs()).toBe(1); // same French: nothing to redo
		expect(counted.runs()).toBe(1);
		expect(t('home.intro')).toBe(firstPaint);

		await locale.use('ar');
		await loadLocale('ar'); // for i18next, which says what the texts must be
		await settle();
		expect(intro.runs()).toBe(2);
		expect(counted.runs()).toBe(2);
		expect(intro.last()).toBe(i18n.t('home.intro', { lng: 'ar' }));
		expect(intro.last()).not.toBe(firstPaint);
		expect(counted.last()).toBe(i18n.t('portfolio.count', { lng: 'ar', count: 2 }));

		await locale.use('ar'); // the same language again: nothing to redo
		await settle();
		expect(intro.runs()).toBe(2);

		await locale.use('fr');
		await settle();
		expect(intro.runs()).toBe(3);
		expect(intro.last()).toBe(firstPaint); // the plain-text memo is per language
		intro.stop();
		counted.stop();
	});
});
