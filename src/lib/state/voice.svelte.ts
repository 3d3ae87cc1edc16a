/**
 * What the app says aloud, following the person's settings (sound on or off, slower).
 * Browsers only allow sound after a first tap; `unlocked` tracks that.
 */
import { speak, stopSpeaking } from '../audio/speak';
import { locale } from './locale.svelte';
import { session } from './session.svelte';

class VoiceState {
	#unlocked = $state(false);

	get unlocked() {
		return this.#unlocked;
	}

	/** Called on the first pointer or key event of the page. */
	unlock() {
		this.#unlocked = true;
	}

	say = (text: string): void => {
		this.#unlocked = true; // only ever called from a tap
		if (!session.settings.sound) return;
		void speak(text, { lang: locale.info.locale, rate: session.settings.slowSpeech ? 0.75 : 1 });
	};

	/** Reads a screen aloud when it opens, if the person asked for it and sound is allowed. */
	autoRead(text: string) {
		if (session.settings.autoRead && this.#unlocked) this.say(text);
	}

	stop() {
		stopSpeaking();
	}
}

export const voice = new VoiceState();
