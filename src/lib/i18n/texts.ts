/**
 * The interface texts of the active language, read without i18next (translate.ts).
 *
 * French is bundled: the first screen's copy (first-paint.ts) and the rest (LAZY_NAMESPACES)
 * here. Other languages are JSON files (scripts/lib/data-assets.ts), fetched when chosen and
 * precached by the service worker, so every language works offline.
 *
 * Why not i18next: the app's texts use a small part of its format, which translate.ts reads, and
 * i18next (21 KB gzip) was downloaded and started by every screen before its texts could show
 * (the settings waited for it; an Arabic phone waited for it before hydrating). It is loaded only
 * for what it alone reads (its own options, nesting, other formats), and for the PDF and the
 * voice studio; tests/unit/state/locale-texts.svelte.test.ts checks that both give the same text
 * for every key of every language.
 */
import type { TOptions } from 'i18next';
import firstPaintFr from 'virtual:first-paint-fr';
import lazyFr from 'virtual:lazy-fr';
import { loadLocale as fetchLocale } from 'virtual:atouts-locale-data';
import { DEFAULT_LANGUAGE, languageInfo } from './languages';
import { formatNumber } from './number-format';
import datePatterns from './date-patterns.json';
import { registerDatePatterns, type DatePatterns } from './date-format';
import { NOT_HERE, translateFrom, type TextTree } from './translate';

// Registered before any screen shows a date (locale.use loads this module first).
// JSON arrays type as arrays, not as the tuples they are.
registerDatePatterns(datePatterns as unknown as DatePatterns);

/** fr.json whole: the default language, and the fallback of the others. */
export const FRENCH: TextTree = { ...firstPaintFr, ...lazyFr } as TextTree;

/** The languages whose texts are here, for activeTexts to read at once. */
const loaded = new Map<string, TextTree>([[DEFAULT_LANGUAGE, FRENCH]]);
const fetching = new Map<string, Promise<TextTree>>();

/**
 * A language's interface texts, fetched once (also when several ask at the same time); a failed
 * fetch is tried again by the next call. Not domain/once.ts: shared with this lazy module, it
 * became a chunk of its own named in every page's first script (+120 B gzip on the first route).
 */
export function loadTexts(code: string): Promise<TextTree> {
	const tree = loaded.get(code);
	if (tree) return Promise.resolve(tree);
	let pending = fetching.get(code);
	if (!pending) {
		pending = fetchLocale(code)
			.then((texts) => {
				loaded.set(code, texts as TextTree);
				return texts as TextTree;
			})
			.finally(() => fetching.delete(code));
		fetching.set(code, pending);
	}
	return pending;
}

// Options that change how i18next looks a text up: never guessed at by translate.ts.
const I18NEXT_OPTIONS =
	/^(lngs?|ns|defaultValue.*|context|ordinal|returnObjects|returnDetails|joinArrays|replace|interpolation|postProcess|keyPrefix|keySeparator|nsSeparator|fallbackLng)$/;

type I18nModule = typeof import('./i18n');
let i18next: I18nModule | undefined;
let i18nextLoading: Promise<I18nModule> | undefined;
/** i18next with every language loaded here, once. */
function loadI18next(): Promise<I18nModule> {
	i18nextLoading ??= import('./i18n')
		.then(async (module) => {
			await Promise.all([...loaded.keys()].map((language) => module.loadLocale(language)));
			return (i18next = module);
		})
		.catch((error: unknown) => {
			i18nextLoading = undefined; // the next such text tries again
			throw error;
		});
	return i18nextLoading;
}

/**
 * `t` for a loaded language: its texts, then French's (as i18next falls back). What only i18next
 * reads is asked of it; until it has loaded (the first such text loads it), the key stands in,
 * as for a missing text, and `whenI18next` is called once it can answer. A text no language has
 * is its key, as i18next answers.
 */
export function activeTexts(code: string, whenI18next: () => void): (key: string, options?: TOptions) => string {
	const info = languageInfo(code);
	const number = (value: number): string => formatNumber(value, info.locale, info.numbering);
	const order = code === DEFAULT_LANGUAGE ? [code] : [code, DEFAULT_LANGUAGE];
	const sources = order.flatMap((language) => {
		const tree = loaded.get(language);
		return tree ? [{ language, tree }] : [];
	});
	let waiting = false;
	const viaI18next = (key: string, options: TOptions): string => {
		if (i18next) return i18next.i18n.t(key, { lng: code, ...options }) as string;
		if (!waiting) {
			waiting = true;
			void loadI18next()
				.then(whenI18next, () => undefined)
				.finally(() => (waiting = false));
		}
		return key;
	};
	return (key, options = {}) => {
		for (const name in options) if (I18NEXT_OPTIONS.test(name)) return viaI18next(key, options);
		for (const { language, tree } of sources) {
			const text = translateFrom(tree, language, key, options, number);
			if (text !== NOT_HERE) return text ?? viaI18next(key, options);
		}
		return key; // in no language: what i18next answers for a missing text
	};
}
