/**
 * Prerendering: every page gets the early-direction script at the top of its <head>, before
 * anything is laid out (see src/lib/i18n/early-direction.js; its hash is in svelte.config.js).
 */
import type { Handle } from '@sveltejs/kit';
import { EARLY_DIRECTION_SCRIPT } from '$lib/i18n/early-direction.js';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<head>', `<head>\n\t\t<script>${EARLY_DIRECTION_SCRIPT}</script>`)
	});
