/**
 * The content on this device (shipped and imported packs) and its texts in the active
 * language. Loaded on the first screen that needs it, so the home screen stays light.
 */
import type { Prompt } from '../audio/player';
import type { Experience, Pack } from '../domain/content-schema';
import { ContentIndex } from '../content/content-index';
import { loadShippedPacks, loadShippedStrings } from '../content/shipped-packs';
import type { ImportProblem } from '../content/pack-import';
import { toStorageError } from '../storage/errors';
import { languageInfo, resolveLanguage } from '../i18n/languages';
import { LANGUAGE_HINT_KEY } from '../i18n/early-direction.js';
import { locale } from './locale.svelte';
import { session } from './session.svelte';

type Tables = Record<string, Record<string, string>>;

/** What a theme tile shows; the whole theme (questions, suggestions) is in the index. */
export type ThemeTile = Pick<Experience, 'id' | 'pictogram'>;

/** The pictograms this build ships (written by scripts/build-pictograms.ts, precached). */
async function shippedPictograms(): Promise<Set<string> | undefined> {
	try {
		const response = await fetch(new URL('pictos/index.json', document.baseURI));
		return new Set((await response.json()) as string[]);
	} catch {
		return undefined; // cannot tell: the validator then skips this one check
	}
}

/** The language the session will most likely open in (as the early-direction script guesses it). */
function likelyLanguage(): string {
	let hint: string | null = null;
	try {
		hint = localStorage.getItem(LANGUAGE_HINT_KEY);
	} catch {
		// no storage: the device's languages decide
	}
	return resolveLanguage(hint, globalThis.navigator?.languages ?? []);
}

class ContentState {
	#index = $state.raw<ContentIndex | null>(null);
	#strings = $state.raw<Tables>({});
	#imported: Pack[] = [];
	#loading: Promise<void> | undefined;
	/** Languages whose every pack text is in #strings (a seed may hold only some French texts). */
	#whole: string[] = [];
	/** The shipped themes' tiles a first-paint screen brought in its own script, until the full load. */
	#seedTiles = $state.raw<readonly ThemeTile[] | null>(null);

	get index(): ContentIndex | null {
		return this.#index;
	}
	/**
	 * Something to show: the index, and texts in the active language or, while those download,
	 * in French (what text() falls back on anyway), so a screen never blanks to "loading" between.
	 */
	get ready(): boolean {
		return this.#index !== null && this.#hasTexts();
	}

	/** The themes to pick from, as tiles: the seed's (a first-paint screen) until the full index is in. */
	get themeTiles(): readonly ThemeTile[] {
		return this.#index?.experiences ?? this.#seedTiles ?? [];
	}
	/** Theme tiles and their texts to show (the seed's will do: see seed()). */
	get themesReady(): boolean {
		return (this.#index !== null || this.#seedTiles !== null) && this.#hasTexts();
	}

	#hasTexts(): boolean {
		return (this.#strings[locale.code] ?? this.#strings.fr) !== undefined;
	}

	/**
	 * The shipped themes' tiles and their French titles, known before a screen hydrates: the
	 * themes screen imports them statically (src/lib/state/content-first-paint.ts), so its
	 * prerendered page already has the tiles and the browser shows them before any script has
	 * run. Only `themeTiles` and `themesReady` see them: `index` stays empty until the full load (every
	 * pack, imported ones too, every text), so no other screen ever sees part of the content.
	 */
	seed(tiles: readonly ThemeTile[], frenchTexts: Record<string, string>): void {
		if (this.#index || this.#seedTiles) return;
		this.#followLanguage();
		this.#seedTiles = tiles;
		this.#strings = { ...this.#strings, fr: { ...frenchTexts, ...this.#strings.fr } };
	}

	/** Text of a pack string in the active language, French when a translation is missing. */
	text = (key: string): string => this.#strings[locale.code]?.[key] ?? this.#strings.fr?.[key] ?? '';

	/** The language a text is really shown in, for its `lang` attribute. */
	langOf = (key: string): string => (this.#strings[locale.code]?.[key] !== undefined ? locale.code : 'fr');

	/** A pack text as something to say: text, audio key (= content key) and real language. */
	spoken = (key: string): Prompt => ({ key, text: this.text(key), lang: this.langOf(key) });

	/**
	 * French text for employers and coaches, whatever the person's language. Only once the French
	 * texts are loaded: call ensureLanguage('fr') first (a complete language does not need them).
	 */
	french = (key: string): string => this.#strings.fr?.[key] ?? '';

	load(): Promise<void> {
		this.#loading ??= this.#load().catch((error: unknown) => {
			this.#loading = undefined; // a failed download is tried again by the next screen that asks
			throw error;
		});
		return this.#loading.then(() => this.ensureLanguage(locale.code));
	}

	/**
	 * load(), and every text of `lang` as well (the shared view shows French titles beside the
	 * reader's language, for employers): downloaded alongside the pack, not one round trip after it.
	 */
	loadWith(lang: string): Promise<void> {
		void loadShippedStrings(lang).catch(() => undefined); // ensureLanguage below reports a failure
		return this.load().then(() => this.ensureLanguage(lang));
	}

	async #load() {
		// The texts of the likely language (and French, when it is the fallback) download alongside
		// the pack and the session, rather than one round trip after them.
		const likely = likelyLanguage();
		for (const lang of new Set([likely, ...(this.#needsFrench(likely) ? ['fr'] : [])]))
			void loadShippedStrings(lang).catch(() => undefined);
		const [shippedPacks] = await Promise.all([loadShippedPacks(), session.boot()]);
		try {
			// zod: not on the first screen; and a first visit has imported nothing.
			if (await session.mayHaveData()) {
				const { listImportedPacks } = await import('../storage/packs');
				this.#imported = await listImportedPacks(await session.db());
			}
		} catch {
			this.#imported = []; // imported packs unreadable: the shipped content still works
		}
		this.#index = new ContentIndex([...shippedPacks, ...this.#imported]);
		this.#followLanguage();
	}

	#following = false;
	/**
	 * Once a screen has content, its texts follow the person's language: when the session has
	 * settled it (before, it is the first paint's French, and an Arabic phone would download French
	 * texts), and whenever they change it. Here rather than in the layout, so that a screen without
	 * content (the home screen) does not load this module.
	 */
	#followLanguage(): void {
		if (this.#following) return;
		this.#following = true;
		$effect.root(() => {
			$effect(() => {
				if (locale.settled) void this.ensureLanguage(locale.code);
			});
		});
	}

	/**
	 * French texts are the fallback of a language that misses some: one not complete, or any
	 * language once a pack was imported (it may not be translated). A complete language with only
	 * the shipped packs never falls back, and a phone in Arabic need not download the French
	 * texts (~20 KiB) for nothing; what shows French on purpose asks for it (french()).
	 */
	#needsFrench(lang: string): boolean {
		return lang !== 'fr' && (!languageInfo(lang).complete || this.#imported.length > 0);
	}

	/** Every pack text of `lang` (and French, when it is the fallback), loaded once. */
	async ensureLanguage(lang: string): Promise<void> {
		const french = this.#needsFrench(lang) ? this.ensureLanguage('fr') : undefined;
		if (!this.#whole.includes(lang)) {
			const table = { ...(await loadShippedStrings(lang)) };
			for (const pack of this.#imported)
				Object.assign(table, Object.fromEntries(Object.entries(pack.strings[lang] ?? {})));
			this.#strings = { ...this.#strings, [lang]: table };
			if (!this.#whole.includes(lang)) this.#whole = [...this.#whole, lang];
		}
		await french;
	}

	/** Every pack text of a language (only those really written in it), for the studio. */
	async textsIn(lang: string): Promise<Record<string, string>> {
		await this.load();
		await this.ensureLanguage(lang);
		const table = this.#strings[lang] ?? {};
		return Object.fromEntries(Object.entries(table).filter(([, text]) => text.trim()));
	}

	/** Imports a pack file; refused whole on any problem, nothing on the device changes. */
	async importPack(text: string): Promise<{ ok: true } | { ok: false; problems: ImportProblem[] }> {
		await this.load();
		const { checkPackImport } = await import('../content/pack-import'); // validator: only when importing
		const result = checkPackImport(text, this.#index!.allIds(), await shippedPictograms());
		if (!result.ok) return result;
		try {
			const { saveImportedPack } = await import('../storage/packs');
			await saveImportedPack(await session.db(), result.pack);
		} catch (error) {
			return { ok: false, problems: [{ code: 'schema', path: '(device)', detail: toStorageError(error).kind }] };
		}
		this.#imported = [...this.#imported, result.pack];
		this.#index = new ContentIndex([...this.#index!.packs, result.pack]);
		this.#strings = {};
		this.#whole = [];
		await this.ensureLanguage('fr');
		await this.ensureLanguage(locale.code);
		return { ok: true };
	}
}

export const content = new ContentState();
