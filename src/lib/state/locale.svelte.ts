/**
 * The active language, as runes state. `t()` reads a texts signal, so every text in a
 * component re-renders when the language changes, without reloading the page.
 * Until the texts have loaded (lazily, after the first paint: i18n/texts.ts), French comes from
 * firstPaintT.
 *
 * Why the reader itself is not tracked: when the full texts take over from the first paint in
 * French, every text stays the same (tests/unit/i18n/first-paint.test.ts), and re-running every
 * text of the screen to find that out was the longest task of a French start on a budget phone.
 */
import type { TOptions } from 'i18next';
import { uiAudioKey, type Prompt } from '../audio/player';
import { firstPaintT } from '../i18n/first-paint';
import { formatDate, type DateStyle } from '../i18n/date-format';
import { LANGUAGE_HINT_KEY } from '../i18n/early-direction.js';
import { DEFAULT_LANGUAGE, languageInfo, resolveLanguage, type LanguageInfo } from '../i18n/languages';
import { yieldToMain } from '../domain/time-slices';

class LocaleState {
	#code = $state(DEFAULT_LANGUAGE);
	/** The active language's texts once loaded (i18n/texts.ts's activeTexts). */
	#read: ((key: string, options?: TOptions) => string) | null = null;
	/** Bumped whenever `t()` may answer differently: texts re-render on it. */
	#texts = $state(0);
	#settled = $state(false);
	/** Texts without options, per active language: a relabel reads each key once. */
	#plain = new Map<string, string>();
	readonly info: LanguageInfo = $derived(languageInfo(this.#code));

	get code(): string {
		return this.#code;
	}

	t = (key: string, options?: TOptions): string => {
		void this.#texts;
		const read = this.#read;
		if (!read) return firstPaintT(key, options as Record<string, unknown>);
		if (options) return read(key, options);
		let text = this.#plain.get(key);
		if (text === undefined) this.#plain.set(key, (text = read(key)));
		return text;
	};

	/** Formats dates for the active locale; never by hand. */
	date = (ms: number, style: DateStyle = 'medium'): string => formatDate(this.info.locale, style, ms);

	async use(code: string): Promise<void> {
		const { loadTexts, activeTexts } = await import('../i18n/texts');
		await loadTexts(code);
		// The first paint's French, read again with the rest of fr.json, reads the same.
		const sameTexts = this.#read === null ? code === DEFAULT_LANGUAGE : code === this.#code;
		const read = activeTexts(code, () => {
			// i18next has loaded for a text only it reads: the texts that stood in for it are redone.
			if (this.#read !== read) return;
			this.#plain.clear();
			this.#texts++;
		});
		this.#read = read;
		this.#plain.clear();
		this.#code = code;
		this.#settled = true;
		if (!sameTexts) this.#texts++;
		rememberLanguageHint(code);
	}

	/**
	 * Before hydration (routes/+layout.ts): loads the language this device used last, else the
	 * device's own, so that a page prerendered in French hydrates straight into it. Relabelling
	 * every text after hydration was the longest task of an Arabic start on a budget phone (and a
	 * second one after hydration's). French needs nothing: the first paint's texts are French.
	 * Never fails: offline without the files, the page hydrates in French and the session's boot
	 * tries again.
	 */
	async start(deviceLanguages: readonly string[]): Promise<void> {
		const code = resolveLanguage(readLanguageHint(), deviceLanguages);
		if (code === DEFAULT_LANGUAGE || this.#read) return;
		await this.use(code).catch(() => undefined);
		// ICU loads a language's plural rules on first use (~20 ms at 4× CPU for Arabic): here, with the
		// language, rather than inside hydration, which then starts in a task of its own.
		if (this.#read) new Intl.PluralRules(code);
		await yieldToMain();
	}

	/** The language is the person's, not the French of the first paint (its texts have loaded). */
	get settled(): boolean {
		return this.#settled;
	}
}

function readLanguageHint(): string | null {
	try {
		return localStorage.getItem(LANGUAGE_HINT_KEY);
	} catch {
		return null; // storage blocked: the device's languages decide
	}
}

/** For the next page load's early-direction script (src/lib/i18n/early-direction.js) and start(). */
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
