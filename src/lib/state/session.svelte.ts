// idb and zod load after the first screen has painted (Squoosh-style small first bundle).
const storage = () => import('../storage/session-storage');

/**
 * Who is using the app and with which settings. Boots once per page: opens the database,
 * makes sure the default profile exists, loads its settings and applies the language.
 * Components read it; only its methods write, always through storage modules.
 */
import type { AtoutsDB } from '../storage/db';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { persistenceState, requestPersistence, type PersistenceState } from '../storage/persistence';
import { DEFAULT_PROFILE_ID, DEFAULT_SETTINGS, type Settings } from '../domain/settings-defaults';
import { resolveLanguage } from '../i18n/languages';
import { locale } from './locale.svelte';

class SessionState {
	#ready = $state(false);
	#profileId = $state(DEFAULT_PROFILE_ID);
	#settings = $state<Settings>({ ...DEFAULT_SETTINGS });
	#storageError = $state<StorageErrorKind | null>(null);
	#quarantined = $state(0);
	#persistence = $state<PersistenceState>('unsupported');
	#booting: Promise<void> | undefined;

	get ready() {
		return this.#ready;
	}
	get profileId() {
		return this.#profileId;
	}
	get settings(): Readonly<Settings> {
		return this.#settings;
	}
	get storageError() {
		return this.#storageError;
	}
	get quarantined() {
		return this.#quarantined;
	}
	get persistence() {
		return this.#persistence;
	}

	async db(): Promise<AtoutsDB> {
		return (await storage()).getDB();
	}

	boot(): Promise<void> {
		this.#booting ??= this.#boot();
		return this.#booting;
	}

	async #boot() {
		try {
			const { getDB, ensureDefaultProfile, loadSettings, onQuarantine } = await storage();
			onQuarantine((entries) => (this.#quarantined += entries.length));
			const db = await getDB();
			const profile = await ensureDefaultProfile(db);
			this.#profileId = profile.id;
			this.#settings = await loadSettings(db, profile.id);
		} catch (error) {
			// The app still works for this visit; the banner says saving is not possible.
			this.#storageError = toStorageError(error).kind;
		}
		const language = resolveLanguage(this.#settings.language, globalThis.navigator?.languages ?? []);
		await locale.use(language).catch(() => locale.use('fr'));
		this.#persistence = await persistenceState();
		this.#ready = true;
	}

	/** Saves first, then applies: what the screen shows is always what is stored. */
	async updateSettings(patch: Partial<Settings>): Promise<boolean> {
		const next = { ...this.#settings, ...patch };
		try {
			const { getDB, saveSettings } = await storage();
			await saveSettings(await getDB(), this.#profileId, next);
			this.#settings = next;
			this.#storageError = null;
			if (patch.language) await locale.use(patch.language);
			return true;
		} catch (error) {
			this.#storageError = toStorageError(error).kind;
			return false;
		}
	}

	async protectStorage(): Promise<void> {
		this.#persistence = await requestPersistence();
	}

	clearStorageError() {
		this.#storageError = null;
	}
}

export const session = new SessionState();
