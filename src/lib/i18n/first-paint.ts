/**
 * French texts for the first paint, before the rest of the texts has loaded (texts.ts).
 *
 * The whole of fr.json is too much for a first screen that must hydrate within 50 KB on a
 * budget phone. The prerendered HTML is French, so hydration only needs French strings;
 * this reads them from the same fr.json (translate.ts reads the subset of i18next's format the
 * texts use). texts.ts then loads lazily and takes over, including French;
 * tests/unit/i18n/first-paint.test.ts checks that this gives i18next's text for every key.
 */
// fr.json, without the namespaces of lazy-namespaces.ts in the browser (scripts/lib/first-paint-texts.ts).
import fr from 'virtual:first-paint-fr';
import { formatNumber } from './number-format';
import { translateFrom, type TextTree } from './translate';

/** A French text, or its key if it has none (as i18next answers). */
export function firstPaintT(key: string, options: Record<string, unknown> = {}): string {
	return translateFrom(fr as TextTree, 'fr', key, options, (value) => formatNumber(value, 'fr')) ?? key;
}
