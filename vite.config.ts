import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { firstPaintTexts } from './scripts/lib/first-paint-texts';
import { dataAssets } from './scripts/lib/data-assets';
import { kitHydrationScroll } from './scripts/lib/kit-hydration-scroll';

export default defineConfig({
	plugins: [firstPaintTexts(), dataAssets(), kitHydrationScroll(), sveltekit()],
	server: { host: '127.0.0.1', port: 5173 },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	build: { target: 'es2022', reportCompressedSize: false },
	// The fallback-voice worker is an ES module (it imports the eSpeak NG engine at run time).
	worker: { format: 'es' },
	test: {
		environment: 'node',
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/state/**'] } },
			// Runes state: compiled and resolved as in the browser, so effects run (see the file).
			{
				extends: true,
				test: {
					name: 'state',
					include: ['tests/unit/state/**/*.test.ts'],
					environment: './tests/unit/state/svelte-client-environment.ts'
				}
			}
		],
		setupFiles: ['tests/unit/setup.ts'],
		// Hostile corpora build zip bombs and walk every byte of real files: seconds, not milliseconds,
		// on a loaded two-core machine.
		testTimeout: 30_000,
		reporters: ['default', 'json'],
		outputFile: { json: 'reports/vitest.json' }
	}
});
