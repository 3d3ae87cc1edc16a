/**
 * The people on this device: the picker's list, creating a profile, opening one (after its
 * picture code), and ending a session (a guest is wiped then; anyone can wipe their own).
 * Loaded only by the picker and the end-of-session screens, never by a personal phone's home.
 */
import type { Profile } from '../domain/records';
import type { CheckResult } from '../domain/picture-code';
import { AVATARS, PROFILE_COLORS } from '../domain/profile-looks';
import { playClips } from '../audio/audio-output';
import { clearTraces } from '../storage/traces';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { t } from './locale.svelte';
import { session } from './session.svelte';
import { voice } from './voice.svelte';

/** Imported on first use, not with the screen: it builds the record schemas (see record-storage.ts). */
const storage = () => import('../storage/profiles');

/** What the "new profile" steps gather: no reading or typing needed, all but the look optional. */
export interface ProfileDraft {
	avatar: string;
	color: string;
	name?: string;
	nameClip?: Blob;
	code?: readonly number[];
}

export const GUEST_LOOK = { avatar: 'fluent-emoji-flat:bust-in-silhouette', color: 'grey' } as const;

/** What identifies a profile when it has no name: its avatar and colour, said in words. */
export function lookName(profile: Pick<Profile, 'avatar' | 'color' | 'kind'>): string {
	if (profile.kind === 'guest') return t('profiles.guest');
	const avatar = AVATARS.find((a) => a === profile.avatar)?.split(':')[1] ?? 'default';
	const color = PROFILE_COLORS.find((c) => c.id === profile.color)?.id ?? 'default';
	return t('profiles.look', { avatar: t(`profiles.avatars.${avatar}`), color: t(`profiles.colors.${color}`) });
}

class ProfilesState {
	#list = $state.raw<Profile[]>([]);
	#loaded = $state(false);
	#error = $state<StorageErrorKind | null>(null);

	get list(): readonly Profile[] {
		return this.#list;
	}
	get loaded() {
		return this.#loaded;
	}
	get error() {
		return this.#error;
	}

	/** The picker's list. A guest left behind by a closed tab is wiped first: its session is over. */
	async load(): Promise<void> {
		await session.boot();
		try {
			const { wipeGuests, listProfiles } = await storage();
			const db = await session.db();
			await wipeGuests(db, session.needsPicker ? undefined : session.profileId);
			this.#list = await listProfiles(db);
		} catch (error) {
			this.#error = toStorageError(error).kind;
		}
		this.#loaded = true;
	}

	/** Says who a profile is: their recorded name, else their typed name, else their look. */
	sayName(profile: Profile): void {
		voice.unlock();
		if (profile.nameClip) {
			voice.stop();
			playClips([profile.nameClip]).catch(() => voice.say(profile.name ?? lookName(profile)));
		} else voice.say(profile.name ?? lookName(profile));
	}

	async create(draft: ProfileDraft): Promise<Profile | null> {
		const profile: Profile = {
			id: crypto.randomUUID(),
			kind: 'named',
			createdAt: Date.now(),
			avatar: draft.avatar,
			color: draft.color,
			...(draft.name?.trim() ? { name: draft.name.trim().slice(0, 40) } : {}),
			...(draft.nameClip ? { nameClip: draft.nameClip } : {})
		};
		try {
			const { saveProfile, setProfileCode } = await storage();
			const db = await session.db();
			await saveProfile(db, profile);
			if (draft.code) await setProfileCode(db, profile.id, draft.code);
			return profile;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return null;
		}
	}

	/** Opens a profile: the page reloads on it. Whoever was here before has their session ended. */
	async open(profile: Profile): Promise<void> {
		await this.#endCurrent(profile.id);
		session.enterProfile(profile.id);
	}

	async startGuest(): Promise<void> {
		const guest: Profile = { id: crypto.randomUUID(), kind: 'guest', createdAt: Date.now(), ...GUEST_LOOK };
		try {
			const { saveProfile } = await storage();
			await saveProfile(await session.db(), guest);
			await this.open(guest);
		} catch (error) {
			this.#error = toStorageError(error).kind;
		}
	}

	/** Checks a picture code (with the back-off); opens the profile when it is right. */
	async tryCode(profile: Profile, code: readonly number[]): Promise<CheckResult> {
		const { checkProfileCode } = await storage();
		const result = await checkProfileCode(await session.db(), profile.id, code);
		if (result.ok) await this.open(profile);
		return result;
	}

	/** "Keep it here under my picture code": the open profile gets a code. */
	async setOwnCode(code: readonly number[] | null): Promise<boolean> {
		try {
			const { setProfileCode } = await storage();
			await setProfileCode(await session.db(), session.profileId, code);
			await session.refreshProfile();
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/** A facilitator resets a forgotten code (the facilitator PIN was checked before). */
	async resetCode(profileId: string): Promise<boolean> {
		try {
			const { setProfileCode, listProfiles } = await storage();
			const db = await session.db();
			await setProfileCode(db, profileId, null);
			this.#list = await listProfiles(db);
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/**
	 * Removes every trace of a profile: its records and Blobs (one transaction), this tab's
	 * keys and any cache that is not the app's own. Wiping the open profile ends its session.
	 */
	async wipe(profileId: string): Promise<boolean> {
		try {
			voice.stop();
			const { wipeProfile } = await storage();
			await wipeProfile(await session.db(), profileId);
			this.#list = this.#list.filter((p) => p.id !== profileId);
			if (profileId === session.profileId && !session.needsPicker) {
				await clearTraces();
				// Nobody left on a personal phone: home, where a new empty profile starts.
				session.leaveProfile(session.profileCount > 1 ? '/profiles' : '/');
			}
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/** Locks the open profile (its data stays, behind its code) and shows the picker; a guest is wiped. */
	async endSession(): Promise<void> {
		await this.#endCurrent();
		session.leaveProfile();
	}

	async #endCurrent(next?: string): Promise<void> {
		if (session.needsPicker || session.profileId === next) return;
		voice.stop();
		if (session.profile?.kind === 'guest') {
			try {
				const { wipeProfile } = await storage();
				await wipeProfile(await session.db(), session.profileId);
			} catch {
				// Left behind, the guest is wiped by the picker's next load (wipeGuests).
			}
			await clearTraces();
		}
	}
}

export const profiles = new ProfilesState();
