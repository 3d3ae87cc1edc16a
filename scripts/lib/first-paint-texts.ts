/**
 * Vite plugin: `virtual:first-paint-fr` is fr.json without LAZY_NAMESPACES in the browser
 * bundle, and whole for server rendering (prerendered pages, unit tests). See
 * src/lib/i18n/lazy-namespaces.ts for the rule those namespaces follow.
 * `virtual:lazy-fr` is the rest: only LAZY_NAMESPACES. i18next's French is the two together,
 * so the texts already in the first screen's bundle are not downloaded a second time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { LAZY_NAMESPACES } from '../../src/lib/i18n/lazy-namespaces';

const ID = 'virtual:first-paint-fr';
const RESOLVED = `\0${ID}`;
const LAZY_ID = 'virtual:lazy-fr';
const LAZY_RESOLVED = `\0${LAZY_ID}`;
const FR = resolve('src/lib/i18n/locales/fr.json');

export function firstPaintTexts(): Plugin {
	return {
		name: 'atouts-first-paint-texts',
		resolveId: (id) => (id === ID ? RESOLVED : id === LAZY_ID ? LAZY_RESOLVED : undefined),
		load(id, options) {
			if (id !== RESOLVED && id !== LAZY_RESOLVED) return;
			this.addWatchFile(FR);
			const texts = JSON.parse(readFileSync(FR, 'utf8')) as Record<string, unknown>;
			if (id === LAZY_RESOLVED) {
				const lazy = Object.fromEntries(LAZY_NAMESPACES.map((namespace) => [namespace, texts[namespace]]));
				return `export default ${JSON.stringify(lazy)};`;
			}
			const server = options?.ssr ?? this.environment?.config.consumer === 'server';
			if (!server) for (const namespace of LAZY_NAMESPACES) delete texts[namespace];
			return `export default ${JSON.stringify(texts)};`;
		}
	};
}
