/**
 * Device speech synthesis, the simple way: one voice at a time (cancel before speak),
 * a local voice when there is one. The full player (recorded clips, chunking, offline
 * fallback) builds on this.
 */
export interface SpeakOptions {
	lang: string;
	rate?: number;
}

export function speechAvailable(): boolean {
	return typeof globalThis.speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
	const primary = lang.toLowerCase().split('-')[0] ?? lang;
	const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === primary);
	// Local voices work offline; network voices fail silently without data.
	return matching.find((v) => v.localService && v.default) ?? matching.find((v) => v.localService) ?? matching[0];
}

export function speak(text: string, { lang, rate = 1 }: SpeakOptions): boolean {
	if (!speechAvailable() || !text) return false;
	const synth = globalThis.speechSynthesis;
	synth.cancel();
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.lang = lang;
	utterance.rate = rate;
	const voice = pickVoice(synth.getVoices(), lang);
	if (voice) utterance.voice = voice;
	synth.speak(utterance);
	return true;
}

export function stopSpeaking(): void {
	if (speechAvailable()) globalThis.speechSynthesis.cancel();
}
