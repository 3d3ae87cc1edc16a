/**
 * Reads a text straight from a language's tree (given none of i18next's own options: see
 * texts.ts's activeTexts), in the subset of i18next's format that Atouts'
 * texts use: nested keys, {{name}} and {{name, number}} interpolation, and plurals chosen by
 * Intl.PluralRules, looked up as i18next does (for a count of 0, `_zero` first; then the
 * language's own form; then the bare key).
 *
 * Why not i18next: the first paint cannot wait for it, and the app's texts need no more than
 * this (texts.ts says what that saved). i18next answers what this cannot read; the unit tests
 * check both give the same text for every key of every language.
 */
export type TextTree = { [key: string]: string | TextTree };

/** Not in this tree: the next language in line (the fallback) may have it. */
export const NOT_HERE = undefined;
/** There, but in a form only i18next reads (another format, nesting). */
export const ASK_I18NEXT = null;

// Made on first use: a page's first Intl object loads ICU data, and most first screens count nothing.
const pluralRules = new Map<string, Intl.PluralRules>();

function lookup(tree: TextTree, key: string): string | undefined {
	let node: string | TextTree | undefined = tree;
	for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

export function translateFrom(
	tree: TextTree,
	language: string,
	key: string,
	options: Record<string, unknown>,
	formatNumber: (value: number) => string
): string | typeof NOT_HERE | typeof ASK_I18NEXT {
	const count = options.count;
	let text: string | undefined;
	if (count !== undefined) {
		if (typeof count !== 'number') return ASK_I18NEXT;
		let rules = pluralRules.get(language);
		if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
		text = (count === 0 ? lookup(tree, `${key}_zero`) : undefined) ?? lookup(tree, `${key}_${rules.select(count)}`);
	}
	text ??= lookup(tree, key);
	if (text === undefined) return NOT_HERE;
	if (text.includes('$t(')) return ASK_I18NEXT;
	let readable = true;
	text = text.replace(/\{\{(.+?)\}\}/g, (whole: string, inside: string) => {
		const [, name, format] = /^\s*(\w+)\s*(?:,\s*(\w+)\s*)?$/.exec(inside) ?? [];
		const value = name === undefined ? undefined : options[name];
		// Like i18next, a value not given at all leaves its placeholder.
		if (name !== undefined && !(name in options)) return whole;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			if (format === undefined) return String(value);
			if (format === 'number' && typeof value === 'number') return formatNumber(value);
		}
		readable = false; // {{- raw}}, {{a.b}}, another format, a value that is not plain
		return whole;
	});
	return readable ? text : ASK_I18NEXT;
}
