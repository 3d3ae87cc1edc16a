/**
 * Device speech synthesis, made dependable on budget phones:
 * - one voice at a time: cancel() before every new prompt;
 * - a local voice when there is one (network voices fail silently without data);
 * - the voice list may arrive late or empty: wait for `voiceschanged`, with a timeout;
 * - Chrome cuts utterances after about 15 s: long texts go out in chunks under 10 s.
 * The player (player.ts) tries recorded clips first, then this, then the offline fallback.
 */
export interface SpeakOptions {
	lang: string;
	rate?: number;
}

/** About 14 characters a second at rate 1: 130 characters stay well under 10 seconds. */
export const CHUNK_CHARS = 130;

export function speechAvailable(): boolean {
	return typeof globalThis.speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
	const primary = lang.toLowerCase().split('-')[0] ?? lang;
	const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === primary);
	const exact = matching.filter((v) => v.lang.toLowerCase().replace('_', '-') === lang.toLowerCase());
	const pool = exact.length ? exact : matching;
	return pool.find((v) => v.localService && v.default) ?? pool.find((v) => v.localService) ?? pool[0];
}

/**
 * Splits text into pieces short enough to be spoken whole: sentences first, then clauses
 * (commas, semicolons, colons), then words. Never cuts inside a word.
 */
export function chunkText(text: string, maxChars = CHUNK_CHARS): string[] {
	const pieces: string[] = [];
	const sentences = text.match(/[^.!?؟…]+[.!?؟…]*\s*/gu) ?? [];
	for (const sentence of sentences.map((s) => s.trim()).filter(Boolean)) {
		if (sentence.length <= maxChars) {
			pieces.push(sentence);
			continue;
		}
		for (const clause of sentence.split(/(?<=[,;:،؛])\s+/u)) {
			if (clause.length <= maxChars) {
				pieces.push(clause);
				continue;
			}
			let line = '';
			for (const word of clause.split(/\s+/u)) {
				if (line && line.length + 1 + word.length > maxChars) {
					pieces.push(line);
					line = word;
				} else line = line ? `${line} ${word}` : word;
			}
			if (line) pieces.push(line);
		}
	}
	return pieces;
}

let waitedForVoices = false;

/**
 * The voice list, waiting for it to arrive (at most `timeoutMs`): some browsers fill it late.
 * Only the first call waits: a device that had no voices then is not made to wait on every tap.
 */
export function waitForVoices(synth: SpeechSynthesis, timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
	const now = synth.getVoices();
	if (now.length || waitedForVoices) return Promise.resolve(now);
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			waitedForVoices = true;
			synth.removeEventListener?.('voiceschanged', done);
			resolve(synth.getVoices());
		};
		const timer = setTimeout(done, timeoutMs);
		synth.addEventListener?.('voiceschanged', done);
	});
}

/** For tests: forget that the voice list was already awaited. */
export function resetVoiceWait(): void {
	waitedForVoices = false;
}

/** How long a device voice may take to start before the player tries the next source. */
export const START_TIMEOUT_MS = 3000;

let generation = 0;

/**
 * The device voice for `lang`, waiting for a late voice list; undefined when there is none.
 * A network voice is returned too: the player decides whether it can be used offline.
 */
export async function deviceVoiceFor(lang: string): Promise<SpeechSynthesisVoice | undefined> {
	if (!speechAvailable()) return undefined;
	return pickVoice(await waitForVoices(globalThis.speechSynthesis), lang);
}

/**
 * Speaks `text` with `voice`. Resolves true once the device has really started (its `start`
 * event), false if it reports an error, does not start within START_TIMEOUT_MS, or a newer
 * prompt took over: then the player moves on to the next source.
 */
export function speak(text: string, voice: SpeechSynthesisVoice, { lang, rate = 1 }: SpeakOptions): Promise<boolean> {
	if (!speechAvailable() || !text.trim()) return Promise.resolve(false);
	const synth = globalThis.speechSynthesis;
	const mine = ++generation;
	synth.cancel();
	return new Promise((resolve) => {
		let settled = false;
		const settle = (started: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (!started && mine === generation) synth.cancel(); // never cancel a newer prompt
			resolve(started && mine === generation);
		};
		const timer = setTimeout(() => settle(false), START_TIMEOUT_MS);
		chunkText(text).forEach((chunk, i) => {
			const utterance = new SpeechSynthesisUtterance(chunk);
			utterance.lang = voice.lang || lang;
			utterance.rate = rate;
			utterance.voice = voice;
			if (i === 0) {
				utterance.addEventListener('start', () => settle(true));
				// Any error (no engine, network voice offline, or a newer prompt cancelling) means
				// this prompt is not being heard from the device.
				utterance.addEventListener('error', () => settle(false));
			}
			synth.speak(utterance);
		});
	});
}

/** iOS and some Android browsers only allow speech once it has been started from a tap. */
export function unlockSpeech(): void {
	if (!speechAvailable()) return;
	const silent = new SpeechSynthesisUtterance(' ');
	silent.volume = 0;
	globalThis.speechSynthesis.speak(silent);
}

export function stopSpeaking(): void {
	generation++;
	if (speechAvailable()) globalThis.speechSynthesis.cancel();
}
