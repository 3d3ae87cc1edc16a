import { browser } from '$app/environment';
import { locale } from '$lib/state/locale.svelte';

// A static, offline-first app: every route is prerendered at build time.
export const prerender = true;
export const trailingSlash = 'never';

/** In the browser, before hydration: the person's language, so the page hydrates in it (see start()). */
export async function load(): Promise<void> {
	if (browser) await locale.start(navigator.languages ?? [navigator.language]);
}
