/**
 * The languages Atouts ships. Adding one is files: a locale file in ./locales, a strings
 * folder in each content pack, and a line here. `complete` languages must have every UI
 * and content string (checked by i18n:check and content:check); others fall back to French.
 */
export interface LanguageInfo {
	code: string;
	/** The language's name in its own script: no flags, flags are nations. */
	autonym: string;
	dir: 'ltr' | 'rtl';
	/** BCP 47 tag for Intl and speech synthesis. */
	locale: string;
	complete: boolean;
	/** Its digits, as Intl names them ('arab' for ٠١٢, 'arabext' for ۰۱۲); absent: 0-9 ('latn'). */
	numbering?: string;
}

export const SHIPPED_LANGUAGES: readonly LanguageInfo[] = [
	{ code: 'fr', autonym: 'Français', dir: 'ltr', locale: 'fr-FR', complete: true },
	{ code: 'en', autonym: 'English', dir: 'ltr', locale: 'en-GB', complete: true },
	{ code: 'ar', autonym: 'العربية', dir: 'rtl', locale: 'ar', complete: true },
	{ code: 'uk', autonym: 'Українська', dir: 'ltr', locale: 'uk-UA', complete: false }
];

export const DEFAULT_LANGUAGE = 'fr';

export function languageInfo(code: string): LanguageInfo {
	return SHIPPED_LANGUAGES.find((l) => l.code === code) ?? SHIPPED_LANGUAGES[0]!;
}

/**
 * Resolution order: the person's saved choice, then the device's languages in order
 * (matching on the primary subtag), then French.
 */
export function resolveLanguage(saved: string | undefined | null, deviceLanguages: readonly string[]): string {
	const shipped = new Set(SHIPPED_LANGUAGES.map((l) => l.code));
	if (saved && shipped.has(saved)) return saved;
	for (const tag of deviceLanguages) {
		const primary = tag.toLowerCase().split('-')[0];
		if (primary && shipped.has(primary)) return primary;
	}
	return DEFAULT_LANGUAGE;
}
