/**
 * i18next, set up once. French is bundled (it is the default and the fallback): most of it is
 * the first screen's own copy (first-paint.ts), the rest (LAZY_NAMESPACES) comes with i18next.
 * Other languages are JSON files (scripts/lib/data-assets.ts), fetched when chosen and precached
 * by the service worker, so every language works offline.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import firstPaintFr from 'virtual:first-paint-fr';
import lazyFr from 'virtual:lazy-fr';
import { DEFAULT_LANGUAGE, SHIPPED_LANGUAGES, languageInfo } from './languages';
import { formatNumber } from './number-format';
import { loadLocale as loadLocaleTexts } from 'virtual:atouts-locale-data';
import datePatterns from './date-patterns.json';
import { registerDatePatterns, type DatePatterns } from './date-format';

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
