/**
 * Device speech synthesis, made dependable on budget phones:
 * - one voice at a time: cancel() before every new prompt;
 * - a local voice when there is one (network voices fail silently without data);
 * - the voice list may arrive late or empty: wait for `voiceschanged`, with a timeout;
 * - Chrome cuts utterances after about 15 s: long texts go out in chunks under 10 s.
 * Recorded clips and an offline fallback come first in the full player (see the audio issue).
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

/** The voice list, waiting for it to arrive (at most `timeoutMs`): some browsers fill it late. */
export function waitForVoices(synth: SpeechSynthesis, timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
	const now = synth.getVoices();
	if (now.length) return Promise.resolve(now);
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			synth.removeEventListener?.('voiceschanged', done);
			resolve(synth.getVoices());
		};
		const timer = setTimeout(done, timeoutMs);
		synth.addEventListener?.('voiceschanged', done);
	});
}

let generation = 0;

/** Speaks `text`; resolves true when the device started speaking it, false when it cannot. */
export async function speak(text: string, { lang, rate = 1 }: SpeakOptions): Promise<boolean> {
	if (!speechAvailable() || !text.trim()) return false;
	const synth = globalThis.speechSynthesis;
	const mine = ++generation;
	synth.cancel();
	const voice = pickVoice(await waitForVoices(synth), lang);
	if (mine !== generation) return false; // a newer prompt started while we waited
	synth.cancel();
	for (const chunk of chunkText(text)) {
		const utterance = new SpeechSynthesisUtterance(chunk);
		utterance.lang = voice?.lang ?? lang;
		utterance.rate = rate;
		if (voice) utterance.voice = voice;
		synth.speak(utterance);
	}
	return voice !== undefined;
}

export function stopSpeaking(): void {
	generation++;
	if (speechAvailable()) globalThis.speechSynthesis.cancel();
}
