import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { EARLY_DIRECTION_SCRIPT } from './src/lib/i18n/early-direction.js';
import { sourceVersion } from './scripts/lib/source-version.js';

// The one inline script of our own (src/hooks.server.ts puts it in every page): allowed by its hash.
const earlyDirectionHash = `sha256-${createHash('sha256').update(EARLY_DIRECTION_SCRIPT).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every route is prerendered; 200.html lets any static host serve deep links.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		// Workbox registers the worker itself so the page can run the update flow.
		serviceWorker: { register: false },
		output: { bundleStrategy: 'split' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyDirectionHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// Named after the sources, not the clock: the same commit builds to the same bytes (see the file).
		version: { name: sourceVersion(fileURLToPath(new URL('.', import.meta.url))), pollInterval: 0 },
		// Inline CSS in the HTML: on slow 4G each stylesheet would be one more blocking round trip.
		inlineStyleThreshold: 40_000
	}
};

export default config;
