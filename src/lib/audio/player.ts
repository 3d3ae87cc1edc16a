/**
 * The prompt player: for a prompt (one or more texts with their audio keys) and a language,
 * plays the best source this device has, in this order:
 *   1. recorded clips from the voice pack, when every part of the prompt has one;
 *   2. the device's speech synthesis, when it has a voice for the language that can speak
 *      now (a local voice, or a network voice while online), and it really starts;
 *   3. the offline fallback voice (eSpeak NG in WebAssembly);
 *   4. nothing: the caller shows the "no sound" state with the text in large print.
 * Only one prompt sounds at a time: a new one stops the current one, and a prompt overtaken
 * while it was still loading stays silent ("superseded").
 * Everything the player touches comes in as `PlayerDeps`, so the choice is unit-tested.
 */
export type SoundSource = 'clip' | 'device' | 'fallback' | 'none';
export type PlayOutcome = SoundSource | 'superseded';

export interface Prompt {
	text: string;
	/** Audio key (content key, or `ui.` + interface key) used to find a recorded clip. */
	key?: string;
	/** Language of this text when it differs from the interface (a pack text not yet translated). */
	lang?: string;
}

/** What a caller asks to hear: plain text (synthesised only), or texts with their audio keys. */
export type Spoken = string | Prompt | readonly Prompt[];

/** The audio key of an interface text: recorded clips of the interface live under `ui.`. */
export function uiAudioKey(key: string): string {
	return `ui.${key}`;
}

export function toPrompts(what: Spoken): readonly Prompt[] {
	if (typeof what === 'string') return [{ text: what }];
	return 'text' in what ? [what as Prompt] : (what as readonly Prompt[]);
}

export interface PlayOptions {
	lang: string;
	slow: boolean;
}

export interface DeviceVoice {
	localService: boolean;
}

export interface PlayerDeps<V extends DeviceVoice = DeviceVoice> {
	findClips(lang: string, keys: string[]): Promise<Blob[] | undefined>;
	playClips(blobs: Blob[], rate: number): Promise<void>;
	deviceVoice(lang: string): Promise<V | undefined>;
	speakDevice(text: string, voice: V, lang: string, rate: number): Promise<boolean>;
	fallbackSpeaks(lang: string): Promise<boolean>;
	synthesizeFallback(text: string, lang: string, slow: boolean): Promise<Synthesized>;
	playSynthesized(sound: Synthesized): Promise<void>;
	stopAll(): void;
	online(): boolean;
}

export interface Synthesized {
	samples: Int16Array;
	sampleRate: number;
}

export const SLOW_RATE = 0.75;

/** One text for synthesis: parts become sentences. */
export function joinPrompt(parts: readonly Prompt[]): string {
	return parts
		.map((part) => part.text.trim())
		.filter(Boolean)
		.map((text, i, all) => (i < all.length - 1 && !/[.!?؟…:]$/u.test(text) ? `${text}.` : text))
		.join(' ');
}

export function createPlayer<V extends DeviceVoice>(deps: PlayerDeps<V>) {
	let generation = 0;

	async function play(parts: readonly Prompt[], { lang, slow }: PlayOptions): Promise<PlayOutcome> {
		const mine = ++generation;
		const overtaken = () => mine !== generation;
		deps.stopAll();
		const text = joinPrompt(parts);
		if (!text) return 'none';
		const rate = slow ? SLOW_RATE : 1;

		const keys = parts.filter((part) => part.text.trim()).map((part) => part.key);
		if (keys.length && keys.every((key): key is string => Boolean(key))) {
			const clips = await deps.findClips(lang, keys).catch(() => undefined);
			if (overtaken()) return 'superseded';
			if (clips) {
				const played = await deps.playClips(clips, rate).then(
					() => true,
					() => false
				);
				if (overtaken()) return 'superseded';
				if (played) return 'clip';
			}
		}

		const voice = await deps.deviceVoice(lang).catch(() => undefined);
		if (overtaken()) return 'superseded';
		// A network voice fails silently without data: offline, go straight to the fallback.
		if (voice && (voice.localService || deps.online())) {
			const started = await deps.speakDevice(text, voice, lang, rate);
			if (overtaken()) return 'superseded';
			if (started) return 'device';
		}

		if (await deps.fallbackSpeaks(lang).catch(() => false)) {
			const sound = await deps.synthesizeFallback(text, lang, slow).catch(() => undefined);
			if (overtaken()) return 'superseded';
			const played =
				sound !== undefined &&
				(await deps.playSynthesized(sound).then(
					() => true,
					() => false
				));
			if (overtaken()) return 'superseded';
			if (played) return 'fallback';
		}
		return overtaken() ? 'superseded' : 'none';
	}

	function stop(): void {
		generation++;
		deps.stopAll();
	}

	return { play, stop };
}
