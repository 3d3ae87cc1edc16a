/** The first paint leaves out the lazy namespaces in the browser only; the server keeps every text. */
import { describe, expect, it } from 'vitest';
import { firstPaintTexts } from '../../../scripts/lib/first-paint-texts';
import { LAZY_NAMESPACES } from '../../../src/lib/i18n/lazy-namespaces';
import fr from '../../../src/lib/i18n/locales/fr.json';

type Load = (this: unknown, id: string, options?: { ssr?: boolean }) => string | undefined;

function load(ssr: boolean, module = 'virtual:first-paint-fr'): Record<string, unknown> {
	const plugin = firstPaintTexts();
	const id = (plugin.resolveId as (id: string) => string | undefined)(module);
	expect(id).toBeDefined();
	const code = (plugin.load as Load).call({ addWatchFile: () => undefined }, id!, { ssr });
	return JSON.parse(code!.replace(/^export default /, '').replace(/;$/, '')) as Record<string, unknown>;
}

describe('first-paint texts', () => {
	it('lists namespaces that exist', () => {
		for (const namespace of LAZY_NAMESPACES) expect(Object.keys(fr)).toContain(namespace);
	});

	it('leaves the lazy namespaces out of the browser bundle, and only them', () => {
		const browser = load(false);
		for (const namespace of LAZY_NAMESPACES) expect(browser).not.toHaveProperty(namespace);
		const eager = Object.keys(fr).filter((ns) => !LAZY_NAMESPACES.includes(ns));
		expect(Object.keys(browser).sort()).toEqual(eager.sort());
		for (const ns of eager) expect(browser[ns]).toEqual((fr as Record<string, unknown>)[ns]);
	});

	it('keeps every text for server rendering (the prerendered pages)', () => {
		expect(load(true)).toEqual(fr);
	});

	it("gives i18next the rest, so that together the browser's two halves are all of fr.json", () => {
		const lazy = load(false, 'virtual:lazy-fr');
		expect(Object.keys(lazy).sort()).toEqual([...LAZY_NAMESPACES].sort());
		expect({ ...load(false), ...lazy }).toEqual(fr);
	});
});
