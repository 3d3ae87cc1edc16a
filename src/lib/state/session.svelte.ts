// idb and zod load after the first screen has painted (Squoosh-style small first bundle).
const storage = () => import('../storage/session-storage');

/**
 * Who is using the app and with which settings. Boots once per page: opens the database,
 * makes sure the default profile exists, loads its settings and applies the language; on a
 * first visit (no database yet) it starts from the defaults and opens nothing (#startFresh).
 * Components read it; only its methods write, always through storage modules.
 */
import type { AtoutsDB } from '../storage/db';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { persistenceState, requestPersistence, type PersistenceState } from '../storage/persistence';
import { nothingStoredYet, rememberNothingStored, rememberStored } from '../storage/first-visit';
import { DEFAULT_PROFILE_ID, DEFAULT_SETTINGS, type Settings } from '../domain/settings-defaults';
import type { DeviceSettings, Profile } from '../domain/records';
import { resolveLanguage } from '../i18n/languages';
import { locale } from './locale.svelte';
import { announce, onOtherTabChange } from './tab-sync';

/** The profile this tab is using. Per tab and forgotten when the browser closes (sessionStorage). */
const ACTIVE_PROFILE_KEY = 'atouts.activeProfile';

function rememberedProfile(): string | null {
	try {
		return globalThis.sessionStorage?.getItem(ACTIVE_PROFILE_KEY) ?? null;
	} catch {
		return null;
	}
}

function rememberProfile(id: string): void {
	try {
		globalThis.sessionStorage?.setItem(ACTIVE_PROFILE_KEY, id);
	} catch {
		// Private mode without sessionStorage: the profile opens for this page only.
	}
}

class SessionState {
	#ready = $state(false);
	#profileId = $state(DEFAULT_PROFILE_ID);
	#profile = $state.raw<Profile | null>(null);
	/** No profile is open: several people use this device (or it is locked), so the picker shows. */
	#needsPicker = $state(false);
	/** How many profiles this device holds (the home screen offers to switch when more than one). */
	#profileCount = $state(0);
	#device = $state.raw<DeviceSettings>({ key: 'device', workshop: false, autoLockMinutes: 3 });
	/** In workshop mode, the facilitator gave their PIN on this page (see workshop.svelte.ts). */
	#facilitator = $state(false);
	#settings = $state<Settings>({ ...DEFAULT_SETTINGS });
	#storageError = $state<StorageErrorKind | null>(null);
	#quarantined = $state(0);
	#persistence = $state<PersistenceState>('unsupported');
	#booting: Promise<void> | undefined;
	/** A first visit's default profile, in memory only until something is first stored (db()). */
	#unsavedProfile: Profile | null = null;
	#profileSaving: Promise<unknown> | undefined;
	#storageLoading: ReturnType<typeof storage> | undefined;
	/** This tab has opened the database (it exists from then on). */
	#opened = false;

	get ready() {
		return this.#ready;
	}
	get profileId() {
		return this.#profileId;
	}
	/** The open profile's record (avatar, colour, name), null before boot or when none is open. */
	get profile() {
		return this.#profile;
	}
	get needsPicker() {
		return this.#needsPicker;
	}
	get profileCount() {
		return this.#profileCount;
	}
	get device(): Readonly<DeviceSettings> {
		return this.#device;
	}
	get facilitator() {
		return this.#facilitator;
	}
	/**
	 * Workshop mode is on and no facilitator is here: settings and destructive actions are
	 * hidden. Here rather than in workshop.svelte.ts so that every screen's header reads it
	 * without loading anything more.
	 */
	get participant() {
		return this.#device.workshop && Boolean(this.#device.facilitatorPin) && !this.#facilitator;
	}
	/** Only workshop.svelte.ts calls this, once the facilitator PIN was checked (or to close). */
	setFacilitator(here: boolean) {
		this.#facilitator = here;
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

	/**
	 * The database, for reading and writing. On a first visit it is created here, with the
	 * default profile the session started with in memory (see #startFresh).
	 */
	async db(): Promise<AtoutsDB> {
		if (!this.#opened) rememberStored();
		this.#opened = true;
		const { getDB, ensureDefaultProfile } = await this.#storage();
		const db = await getDB();
		const unsaved = this.#unsavedProfile;
		if (unsaved) {
			this.#profileSaving ??= ensureDefaultProfile(db, unsaved.createdAt).then(
				() => (this.#unsavedProfile = null),
				(error: unknown) => {
					this.#profileSaving = undefined; // the next write tries again
					throw error;
				}
			);
			await this.#profileSaving;
		}
		return db;
	}

	/** The storage layer, loaded on first use; from then on, records set aside are counted. */
	#storage(): ReturnType<typeof storage> {
		return (this.#storageLoading ??= storage().then(
			(module) => {
				module.onQuarantine((entries) => (this.#quarantined += entries.length));
				return module;
			},
			(error: unknown) => {
				this.#storageLoading = undefined; // offline before it was cached: the next use tries again
				throw error;
			}
		));
	}

	/**
	 * Whether this device may hold records: false only while this browser has no Atouts database
	 * (a first visit, before anything was stored, here or in another tab). Screens then show their
	 * empty state without loading the storage layer, and without creating the database to read it.
	 */
	async mayHaveData(): Promise<boolean> {
		return this.#opened || !(await nothingStoredYet());
	}

	boot(): Promise<void> {
		this.#booting ??= this.#boot();
		return this.#booting;
	}

	async #boot() {
		// Fetched while IndexedDB opens, not after: on slow data each step of that chain costs a round
		// trip, and the language (known only once the settings are read) needs the texts anyway.
		void import('../i18n/texts').catch(() => undefined);
		try {
			if (await nothingStoredYet()) this.#startFresh();
			else await this.#startFromStorage();
		} catch (error) {
			// The app still works for this visit; the banner says saving is not possible.
			this.#storageError = toStorageError(error).kind;
		}
		const language = resolveLanguage(this.#settings.language, globalThis.navigator?.languages ?? []);
		await locale.use(language).catch(() => locale.use('fr'));
		this.#persistence = await persistenceState();
		this.#ready = true;
	}

	/**
	 * A first visit: there is nothing to read, so the storage layer (idb, zod: ~250 ms of a budget
	 * phone's start) is not loaded, and nothing is written, not even the database, until the person
	 * stores something: someone who only opens a shared link leaves no trace on the device. The
	 * default profile and settings are what the database would have given; db() saves the profile.
	 */
	#startFresh() {
		rememberNothingStored(); // the next page of this visit shows its empty screens at once too
		const profile: Profile = { id: DEFAULT_PROFILE_ID, kind: 'default', createdAt: Date.now() };
		this.#unsavedProfile = profile;
		rememberProfile(profile.id);
		this.#profileId = profile.id;
		this.#profile = profile;
		this.#profileCount = 1;
	}

	async #startFromStorage() {
		const { listProfiles, ensureDefaultProfile, loadSettings, loadDeviceSettings } = await this.#storage();
		const db = await this.db();
		this.#device = await loadDeviceSettings(db);
		const profiles = await listProfiles(db);
		const profile = await this.#chooseProfile(profiles, () => ensureDefaultProfile(db));
		this.#profileCount = Math.max(profiles.length, profile ? 1 : 0);
		if (profile) {
			// Remembered for this tab: a reload stays on it, even once it has a picture code.
			rememberProfile(profile.id);
			this.#profileId = profile.id;
			this.#profile = profile;
			this.#settings = await loadSettings(db, profile.id);
		} else {
			// No one's data may be read or written until someone opens their profile: an empty
			// id matches no record, and records with it are refused by their schema.
			this.#profileId = '';
			this.#needsPicker = true;
		}
	}

	/**
	 * Which profile opens without the picker: the one this tab opened before (a reload), or on
	 * a personal phone (no workshop mode) its only profile when it has no picture code.
	 */
	async #chooseProfile(profiles: Profile[], createDefault: () => Promise<Profile>): Promise<Profile | null> {
		const remembered = rememberedProfile();
		const open = profiles.find((p) => p.id === remembered);
		if (open) return open;
		if (profiles.length === 0) return this.#device.workshop ? null : createDefault();
		const only = profiles.length === 1 ? profiles[0]! : null;
		return only && !only.code && !this.#device.workshop ? only : null;
	}

	/**
	 * Opens a profile (after its picture code, when it has one). The page reloads, so nothing of
	 * the previous person stays in memory: isolation does not depend on every screen resetting.
	 */
	enterProfile(id: string, to = '/'): void {
		rememberProfile(id);
		location.assign(new URL(`.${to}`, document.baseURI).href);
	}

	/** Closes the open profile (its data stays, behind its code) and shows the picker. */
	leaveProfile(to = '/profiles'): void {
		try {
			sessionStorage.removeItem(ACTIVE_PROFILE_KEY);
		} catch {
			// nothing remembered
		}
		location.assign(new URL(`.${to}`, document.baseURI).href);
	}

	/** Re-reads the open profile after it changed (its picture code), and the count of profiles. */
	async refreshProfile(): Promise<void> {
		const { listProfiles } = await this.#storage();
		const profiles = await listProfiles(await this.db());
		this.#profileCount = profiles.length;
		this.#profile = profiles.find((p) => p.id === this.#profileId) ?? this.#profile;
	}

	/** Saves the device's own settings (workshop mode, PINs, auto-lock). */
	async updateDevice(next: DeviceSettings): Promise<boolean> {
		try {
			const { saveDeviceSettings } = await this.#storage();
			await saveDeviceSettings(await this.db(), next);
			this.#device = next;
			return true;
		} catch (error) {
			this.#storageError = toStorageError(error).kind;
			return false;
		}
	}

	/** Saves first, then applies: what the screen shows is always what is stored. */
	async updateSettings(patch: Partial<Settings>): Promise<boolean> {
		const next = { ...this.#settings, ...patch };
		try {
			const { saveSettings } = await this.#storage();
			await saveSettings(await this.db(), this.#profileId, next);
			this.#settings = next;
			announce(this.#profileId, 'settings');
			this.#storageError = null;
			if (patch.language) await locale.use(patch.language);
			return true;
		} catch (error) {
			this.#storageError = toStorageError(error).kind;
			return false;
		}
	}

	/** Another tab changed this profile's settings: take them from storage, not from memory. */
	async reloadSettings(): Promise<void> {
		const { loadSettings } = await this.#storage();
		const previous = this.#settings.language;
		this.#settings = await loadSettings(await this.db(), this.#profileId);
		if (this.#settings.language && this.#settings.language !== previous) await locale.use(this.#settings.language);
	}

	async protectStorage(): Promise<void> {
		this.#persistence = await requestPersistence();
	}

	clearStorageError() {
		this.#storageError = null;
	}
}

export const session = new SessionState();

onOtherTabChange((change) => {
	if (session.ready && change.what === 'settings' && change.profileId === session.profileId)
		void session.reloadSettings().catch(() => undefined);
});
