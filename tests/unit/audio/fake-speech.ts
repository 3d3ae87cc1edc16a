/**
 * A fake device for speak.ts: a speechSynthesis and SpeechSynthesisUtterance built on
 * EventTarget. installDevice() puts them on globalThis; vi.unstubAllGlobals() removes them.
 */
import { vi } from 'vitest';

export const voice = (lang: string, localService = true, isDefault = false) =>
	({ lang, localService, default: isDefault, name: `${lang}-${localService}`, voiceURI: lang }) as SpeechSynthesisVoice;

export class FakeUtterance extends EventTarget {
	lang = '';
	rate = 1;
	volume = 1;
	voice: SpeechSynthesisVoice | null = null;
	constructor(public text = '') {
		super();
	}
	fire(type: 'start' | 'error' | 'end') {
		this.dispatchEvent(new Event(type));
	}
}

export class FakeSynth extends EventTarget {
	voices: SpeechSynthesisVoice[] = [];
	/** Utterances waiting or speaking; cancel() empties it. */
	queue: FakeUtterance[] = [];
	spoken: FakeUtterance[] = [];
	/** 'cancel' and 'speak:<text>', in call order. */
	log: string[] = [];
	/** Browsers report `error` on every utterance a cancel() drops, after the call returns. */
	cancelFiresError = true;
	getVoices() {
		return this.voices;
	}
	speak(utterance: FakeUtterance) {
		this.queue.push(utterance);
		this.spoken.push(utterance);
		this.log.push(`speak:${utterance.text}`);
	}
	cancel() {
		this.log.push('cancel');
		const dropped = this.queue.splice(0);
		if (this.cancelFiresError) queueMicrotask(() => dropped.forEach((u) => u.fire('error')));
	}
	get cancels() {
		return this.log.filter((entry) => entry === 'cancel').length;
	}
}

export function installDevice(): FakeSynth {
	const synth = new FakeSynth();
	vi.stubGlobal('speechSynthesis', synth);
	vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
	return synth;
}

/** Lets queued microtasks (fake error events, promise callbacks) run. */
export const flush = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};
/** Watches a promise without awaiting it. */
export function track<T>(promise: Promise<T>) {
	const seen: { done: boolean; value?: T } = { done: false };
	void promise.then((value) => Object.assign(seen, { done: true, value }));
	return seen;
}
