/**
 * i18next, set up once, with the texts of texts.ts. The app's screens read their texts without it
 * (texts.ts); it is loaded for the texts only it reads, the PDF and the voice studio.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { DEFAULT_LANGUAGE, SHIPPED_LANGUAGES, languageInfo } from './languages';
import { formatNumber } from './number-format';
import { FRENCH, loadTexts } from './texts';

export const i18n: I18n = i18next.createInstance();

void i18n.init({
	lng: DEFAULT_LANGUAGE,
	fallbackLng: DEFAULT_LANGUAGE,
	supportedLngs: SHIPPED_LANGUAGES.map((l) => l.code),
	resources: { fr: { translation: FRENCH as Resource[string] } },
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
	const texts = (await loadTexts(code)) as Resource[string];
	i18n.addResourceBundle(code, 'translation', texts, true, true);
}

/** The raw interface texts of a language (for the recording studio), loading them if needed. */
export async function interfaceTexts(code: string): Promise<unknown> {
	await loadLocale(code);
	return i18n.getResourceBundle(code, 'translation') as unknown;
}
