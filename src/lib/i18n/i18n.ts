/**
 * i18next, set up once. French is bundled (it is the default and the fallback): most of it is
 * the first screen's own copy (first-paint.ts), the rest (LAZY_NAMESPACES) comes with i18next.
 * Other languages are JSON files (scripts/lib/data-assets.ts), fetched when chosen and precached
 * by the service worker, so every language works offline.
 */
import i18next, { type i18n as I18n, type Resource, type TOptions } from 'i18next';
import firstPaintFr from 'virtual:first-paint-fr';
import lazyFr from 'virtual:lazy-fr';
import { DEFAULT_LANGUAGE, SHIPPED_LANGUAGES, languageInfo } from './languages';
import { formatNumber } from './number-format';
import { loadLocale as loadLocaleTexts } from 'virtual:atouts-locale-data';
import datePatterns from './date-patterns.json';
import { registerDatePatterns, type DatePatterns } from './date-format';
import { NOT_HERE, translateFrom, type TextTree } from './translate';

export const i18n: I18n = i18next.createInstance();

// JSON arrays type as arrays, not as the tuples they are.
registerDatePatterns(datePatterns as unknown as DatePatterns);

void i18n.init({
	lng: DEFAULT_LANGUAGE,
	fallbackLng: DEFAULT_LANGUAGE,
	supportedLngs: SHIPPED_LANGUAGES.map((l) => l.code),
	resources: { fr: { translation: { ...firstPaintFr, ...lazyFr } as Resource[string] } },
	initAsync: false,
	interpolation: { escapeValue: false }, // Svelte escapes on render; nothing is inserted as HTML.
	returnNull: false
});
// {{count, number}}: small counts without making an Intl.NumberFormat (see number-format.ts).
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) => {
	const info = languageInfo(lng ?? DEFAULT_LANGUAGE);
	return typeof value === 'number' ? formatNumber(value, info.locale, info.numbering) : String(value);
});

export async function loadLocale(code: string): Promise<void> {
	if (i18n.hasResourceBundle(code, 'translation')) return;
	const texts = (await loadLocaleTexts(code)) as Resource[string];
	i18n.addResourceBundle(code, 'translation', texts, true, true);
}

/** The raw interface texts of a language (for the recording studio), loading them if needed. */
export async function interfaceTexts(code: string): Promise<unknown> {
	await loadLocale(code);
	return i18n.getResourceBundle(code, 'translation') as unknown;
}

// Options that change how i18next looks a text up: never guessed at by translate.ts.
const I18NEXT_OPTIONS =
	/^(lngs?|ns|defaultValue.*|context|ordinal|returnObjects|returnDetails|joinArrays|replace|interpolation|postProcess|keyPrefix|keySeparator|nsSeparator|fallbackLng)$/;

/**
 * `t` for the active language, once loaded: texts read straight from i18next's store, in its order
 * (the language, then French), by translate.ts; i18next itself for what only it reads and for a
 * text no language has (it answers with the key).
 */
export function activeTexts(): (key: string, options?: TOptions) => string {
	const info = languageInfo(i18n.language);
	const number = (value: number): string => formatNumber(value, info.locale, info.numbering);
	const trees = i18n.languages.flatMap((language) => {
		const tree = i18n.getResourceBundle(language, 'translation') as TextTree | undefined;
		return tree ? [{ language, tree }] : [];
	});
	return (key, options = {}) => {
		for (const name in options) if (I18NEXT_OPTIONS.test(name)) return i18n.t(key, options) as string;
		for (const { language, tree } of trees) {
			const text = translateFrom(tree, language, key, options, number);
			if (text !== NOT_HERE) return text ?? (i18n.t(key, options) as string);
		}
		return i18n.t(key, options) as string;
	};
}
