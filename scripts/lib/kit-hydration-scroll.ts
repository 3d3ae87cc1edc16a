/**
 * Vite plugin: SvelteKit's client reads the page's scroll position only when something asks for
 * it, not at the end of every hydration.
 *
 * Why: right after hydrating, SvelteKit builds the `afterNavigate` event with
 * `scroll: scroll_positions[index] ?? scroll_state()`, and scroll_state() reads pageXOffset, which
 * makes the browser lay the whole page out there and then, inside hydration's task. On a first
 * visit there is no saved position, so it always did. For a page in Arabic (prerendered in
 * French, every text replaced while hydrating) that layout was about a fifth of the task: with it,
 * hydration was one long task; without it, the layout comes in the next frame's own task. Nothing
 * in Atouts reads `to.scroll` of that event; whoever does gets the same value, read at that time.
 *
 * The build fails if the line is not found (a new SvelteKit): check whether the patch is still
 * needed, and update or remove it.
 */
import type { Plugin } from 'vite';

const CLIENT = /@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]client\.js$/;
const EAGER = /^(\s*)scroll: scroll_positions\[current_history_index\] \?\? scroll_state\(\)$/m;

/** The client's source with the scroll position read on demand; throws when the line is not there. */
export function lazyHydrationScroll(source: string): string {
	if (!EAGER.test(source))
		throw new Error(
			"kit-hydration-scroll: SvelteKit's client no longer has the line this plugin patches; see scripts/lib/kit-hydration-scroll.ts"
		);
	return source.replace(
		EAGER,
		(_, indent: string) =>
			`${indent}get scroll() {${indent}\treturn scroll_positions[current_history_index] ?? scroll_state();${indent}}`
	);
}

export function kitHydrationScroll(): Plugin {
	return {
		name: 'atouts-kit-hydration-scroll',
		transform(code, id) {
			if (!CLIENT.test(id.split('?')[0]!)) return;
			return { code: lazyHydrationScroll(code), map: null };
		}
	};
}
