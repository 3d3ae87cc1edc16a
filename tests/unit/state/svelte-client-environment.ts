/**
 * Runes state tests run on Node, but their modules must be compiled and resolved as in the
 * browser: in Vitest's default (SSR) pipeline, Svelte compiles `$effect` to nothing and
 * `svelte` resolves to its server build, so reactivity could not be observed at all.
 */
import type { Environment } from 'vitest/environments';

const svelteClient: Environment = {
	name: 'svelte-client',
	viteEnvironment: 'client',
	setup: () => ({ teardown: () => undefined })
};
export default svelteClient;
