/**
 * French texts for the first paint, before i18next has loaded.
 *
 * i18next is ~14 KB gzip: too much for a first screen that must hydrate within 50 KB on a
 * budget phone. The prerendered HTML is French, so hydration only needs French strings;
 * this reads them from the same fr.json, with the subset of i18next's format that fr.json
 * uses (nested keys, {{name}} and {{name, number}} interpolation, _zero/_one/_many/_other
 * plurals via Intl.PluralRules, as i18next does). i18next then loads lazily and takes over for
 * everything, including French; tests/unit/i18n/first-paint.test.ts checks that both give
 * the same text for every key.
 */
// fr.json, without the namespaces of lazy-namespaces.ts in the browser (scripts/lib/first-paint-texts.ts).
import fr from 'virtual:first-paint-fr';
import { formatNumber } from './number-format';

type Tree = { [key: string]: string | Tree };
// Made on first use: a page's first Intl object loads ICU data, and most first screens count nothing.
let plural: Intl.PluralRules | undefined;

function lookup(key: string): string | undefined {
	let node: string | Tree | undefined = fr as Tree;
	for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

export function firstPaintT(key: string, options: Record<string, unknown> = {}): string {
	const count = options.count;
	let text: string | undefined;
	if (typeof count === 'number') {
		text =
			(count === 0 ? lookup(`${key}_zero`) : undefined) ??
			lookup(`${key}_${(plural ??= new Intl.PluralRules('fr')).select(count)}`) ??
			lookup(`${key}_other`);
	}
	text ??= lookup(key) ?? key;
	return text.replace(/\{\{\s*(\w+)\s*(?:,\s*(number)\s*)?\}\}/g, (whole: string, name: string, format?: string) => {
		const value = options[name];
		if (value === undefined) return whole; // like i18next: a missing value leaves the placeholder
		return format === 'number' && typeof value === 'number' ? formatNumber(value, 'fr') : String(value);
	});
}
