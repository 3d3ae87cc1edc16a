/**
 * Vite plugin: `virtual:first-paint-fr` is fr.json without LAZY_NAMESPACES in the browser
 * bundle, and whole for server rendering (prerendered pages, unit tests). See
 * src/lib/i18n/lazy-namespaces.ts for the rule those namespaces follow.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { LAZY_NAMESPACES } from '../../src/lib/i18n/lazy-namespaces';

const ID = 'virtual:first-paint-fr';
const RESOLVED = `\0${ID}`;
const FR = resolve('src/lib/i18n/locales/fr.json');

export function firstPaintTexts(): Plugin {
	return {
		name: 'atouts-first-paint-texts',
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load(id, options) {
			if (id !== RESOLVED) return;
			this.addWatchFile(FR);
			const texts = JSON.parse(readFileSync(FR, 'utf8')) as Record<string, unknown>;
			const server = options?.ssr ?? this.environment?.config.consumer === 'server';
			if (!server) for (const namespace of LAZY_NAMESPACES) delete texts[namespace];
			return `export default ${JSON.stringify(texts)};`;
		}
	};
}
