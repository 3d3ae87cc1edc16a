/**
 * The active language, as runes state. `t()` reads the language rune, so every text in
 * a component re-renders when the language changes, without reloading the page.
 */
import type { TOptions } from 'i18next';
import { i18n, loadLocale } from '../i18n/i18n';
import { DEFAULT_LANGUAGE, languageInfo, type LanguageInfo } from '../i18n/languages';

class LocaleState {
	#code = $state(DEFAULT_LANGUAGE);
	readonly info: LanguageInfo = $derived(languageInfo(this.#code));

	get code(): string {
		return this.#code;
	}

	t = (key: string, options?: TOptions): string => {
		void this.#code; // tracked: re-run when the language changes
		return i18n.t(key, options) as string;
	};

	/** Formats dates for the active locale; never by hand. */
	date = (ms: number, style: 'short' | 'medium' | 'long' = 'medium'): string =>
		new Intl.DateTimeFormat(this.info.locale, { dateStyle: style }).format(ms);

	async use(code: string): Promise<void> {
		await loadLocale(code);
		await i18n.changeLanguage(code);
		this.#code = code;
	}
}

export const locale = new LocaleState();
export const t = locale.t;
