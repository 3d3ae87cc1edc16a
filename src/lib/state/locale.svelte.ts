/**
 * The active language, as runes state. `t()` reads the language rune, so every text in
 * a component re-renders when the language changes, without reloading the page.
 * Until i18next has loaded (lazily, after the first paint), French comes from firstPaintT.
 */
import type { i18n as I18n, TOptions } from 'i18next';
import { uiAudioKey, type Prompt } from '../audio/player';
import { firstPaintT } from '../i18n/first-paint';
import { formatDate, type DateStyle } from '../i18n/date-format';
import { LANGUAGE_HINT_KEY } from '../i18n/early-direction.js';
import { DEFAULT_LANGUAGE, languageInfo, type LanguageInfo } from '../i18n/languages';

class LocaleState {
	#code = $state(DEFAULT_LANGUAGE);
	#engine = $state.raw<I18n | null>(null);
	readonly info: LanguageInfo = $derived(languageInfo(this.#code));

	get code(): string {
		return this.#code;
	}

	t = (key: string, options?: TOptions): string => {
		const engine = this.#engine; // tracked, like #code: texts re-render when either changes
		void this.#code;
		return engine ? (engine.t(key, options) as string) : firstPaintT(key, options as Record<string, unknown>);
	};

	/** Formats dates for the active locale; never by hand. */
	date = (ms: number, style: DateStyle = 'medium'): string => formatDate(this.info.locale, style, ms);

	async use(code: string): Promise<void> {
		const { i18n, loadLocale } = await import('../i18n/i18n');
		await loadLocale(code);
		await i18n.changeLanguage(code);
		this.#engine = i18n;
		this.#code = code;
		rememberLanguageHint(code);
	}

	/** The language is the person's, not the French of the first paint (i18next has loaded it). */
	get settled(): boolean {
		return this.#engine !== null;
	}
}

/** For the next page load's early-direction script (src/lib/i18n/early-direction.js). */
function rememberLanguageHint(code: string): void {
	try {
		localStorage.setItem(LANGUAGE_HINT_KEY, code);
	} catch {
		// storage blocked: the script falls back on the device's languages
	}
}

export const locale = new LocaleState();
export const t = locale.t;

/** An interface text as something to say: its text and its audio key (for a recorded clip). */
export function tp(key: string): Prompt {
	return { key: uiAudioKey(key), text: locale.t(key) };
}
