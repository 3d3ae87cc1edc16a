/**
 * What the app says aloud, following the person's settings (sound on or off, slower).
 * Browsers only allow sound after a first tap: `unlock()` runs then, and nothing plays before.
 * When no sound can be made (or the person turned sound off), the prompt is shown in large
 * print instead: `caption`.
 */
import { unlockAudio } from '../audio/audio-output';
// The player (sources, clips lookup, fallback) loads on the first prompt, not with the first screen.
const player = () => import('../audio/prompt-player');
import { toPrompts, uiAudioKey, type PlayOutcome, type Prompt, type Spoken } from '../audio/player';
import { unlockSpeech } from '../audio/speak';
import { locale, t } from './locale.svelte';
import { session } from './session.svelte';

export interface Caption {
	text: string;
	reason: 'off' | 'unavailable';
}

class VoiceState {
	#unlocked = $state(false);
	#caption = $state<Caption | null>(null);
	#last = $state<PlayOutcome | null>(null);

	get unlocked() {
		return this.#unlocked;
	}
	get caption() {
		return this.#caption;
	}
	/** Which source played the last prompt (shown in the studio; read by tests and the bench). */
	get lastSource() {
		return this.#last;
	}

	/** Called on the first pointer or key event of the page. */
	unlock() {
		if (this.#unlocked) return;
		this.#unlocked = true;
		unlockAudio();
		unlockSpeech();
	}

	say = (what: Spoken): void => {
		this.unlock(); // only ever called from a tap
		void this.play(toPrompts(what));
	};

	/** An interface text, with its recorded clip when the voice pack has one. */
	sayUi = (key: string): void => {
		this.say({ key: uiAudioKey(key), text: t(key) });
	};

	async play(prompts: readonly Prompt[]): Promise<PlayOutcome> {
		const text = prompts.map((p) => p.text).join(' ');
		if (!session.settings.sound) {
			this.#caption = { text, reason: 'off' };
			return 'none';
		}
		this.#caption = null;
		const { promptPlayer } = await player();
		const outcome = await promptPlayer.play(prompts, {
			lang: prompts[0]?.lang ?? locale.code,
			slow: session.settings.slowSpeech
		});
		if (outcome !== 'superseded') this.#last = outcome;
		if (outcome === 'none') this.#caption = { text, reason: 'unavailable' };
		return outcome;
	}

	/** Reads a screen aloud when it opens, if the person asked for it and sound is allowed. */
	autoRead(what: Spoken) {
		if (session.settings.autoRead && session.settings.sound && this.#unlocked) void this.play(toPrompts(what));
	}

	dismissCaption() {
		this.#caption = null;
	}

	/** Downloads the offline voice for the current language if this device has none. */
	prepare() {
		void player().then(({ prepareFallback }) => prepareFallback(locale.code));
	}

	stop() {
		void player().then(({ promptPlayer }) => promptPlayer.stop());
	}
}

export const voice = new VoiceState();
