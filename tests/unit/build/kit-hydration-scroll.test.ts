import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyHydrationScroll } from '../../../scripts/lib/kit-hydration-scroll';

/** The installed SvelteKit's client, as the build reads it. */
function installedClient(): string {
	const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
	return readFileSync(join(kit, 'src/runtime/client/client.js'), 'utf8');
}

describe('SvelteKit client patch: scroll read on demand after hydration', () => {
	it("applies to the installed SvelteKit, whose hydration ends by reading the page's scroll", () => {
		const source = installedClient();
		expect(source).toContain('scroll: scroll_positions[current_history_index] ?? scroll_state()');
		const patched = lazyHydrationScroll(source);
		expect(patched).not.toContain('scroll: scroll_positions[current_history_index] ?? scroll_state()');
		expect(patched).toContain('get scroll() {');
		expect(patched.length - source.length).toBeLessThan(80); // that line only
	});

	it('gives the same value, read when asked, and reads nothing when nobody asks', () => {
		const event = lazyHydrationScroll(
			[
				'(scroll_positions, current_history_index, scroll_state) => ({',
				'\tto: {',
				'\t\tscroll: scroll_positions[current_history_index] ?? scroll_state()',
				'\t}',
				'})'
			].join('\n')
		);
		const build = new Function(`return ${event}`)() as (
			positions: Record<number, { x: number; y: number }>,
			index: number,
			read: () => { x: number; y: number }
		) => { to: { scroll: { x: number; y: number } } };
		let reads = 0;
		const read = () => (reads++, { x: 0, y: 42 });
		const unread = build({}, 7, read);
		expect(reads).toBe(0);
		expect(unread.to.scroll).toEqual({ x: 0, y: 42 });
		expect(reads).toBe(1);
		expect(build({ 7: { x: 0, y: 5 } }, 7, read).to.scroll).toEqual({ x: 0, y: 5 });
	});

	it('fails loudly on a client without that line (a new SvelteKit must be looked at)', () => {
		expect(() => lazyHydrationScroll('export function start() {}')).toThrow(/no longer has the line/);
	});
});
