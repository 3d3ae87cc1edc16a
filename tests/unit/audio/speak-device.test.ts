/**
 * speak.ts against a fake device (fake-speech.ts), installed on globalThis for each test
 * and removed after it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	START_TIMEOUT_MS,
	chunkText,
	deviceVoiceFor,
	resetVoiceWait,
	speak,
	stopSpeaking,
	waitForVoices
} from '../../../src/lib/audio/speak';
import { FakeSynth, flush, installDevice as install, track, voice } from './fake-speech';

let synth: FakeSynth;
const installDevice = () => (synth = install());

beforeEach(() => {
	resetVoiceWait();
	vi.useFakeTimers();
});
afterEach(() => {
	stopSpeaking(); // no prompt of one test outlives it
	vi.useRealTimers();
	vi.unstubAllGlobals();
	resetVoiceWait();
});

describe('speak', () => {
	it('cancels what was speaking, then speaks with the voice, its locale and the rate; true on start', async () => {
		installDevice();
		const fr = voice('fr-FR');
		const result = track(speak('Bonjour.', fr, { lang: 'fr', rate: 0.75 }));
		expect(synth.log).toEqual(['cancel', 'speak:Bonjour.']);
		const [utterance] = synth.spoken;
		expect(utterance).toMatchObject({ text: 'Bonjour.', lang: 'fr-FR', rate: 0.75 });
		expect(utterance!.voice).toBe(fr);
		await flush();
		expect(result.done).toBe(false);
		utterance!.fire('start');
		await flush();
		expect(result).toEqual({ done: true, value: true });
		expect(synth.cancels).toBe(1);
	});

	it('speaks at rate 1 in the requested language when the voice has no locale', async () => {
		installDevice();
		const pending = speak('Salut', voice(''), { lang: 'ar' });
		expect(synth.spoken[0]).toMatchObject({ lang: 'ar', rate: 1 });
		synth.spoken[0]!.fire('start');
		expect(await pending).toBe(true);
	});

	it('resolves false when the device reports an error, and silences it', async () => {
		installDevice();
		const pending = speak('Bonjour.', voice('fr-FR'), { lang: 'fr' });
		synth.spoken[0]!.fire('error');
		expect(await pending).toBe(false);
		expect(synth.log).toEqual(['cancel', 'speak:Bonjour.', 'cancel']);
	});

	it('gives up after START_TIMEOUT_MS without a start, and cancels', async () => {
		installDevice();
		synth.cancelFiresError = false;
		const result = track(speak('Bonjour.', voice('fr-FR'), { lang: 'fr' }));
		await vi.advanceTimersByTimeAsync(START_TIMEOUT_MS - 1);
		expect(result.done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(result).toEqual({ done: true, value: false });
		expect(synth.cancels).toBe(2);
		expect(synth.queue).toEqual([]);
		// A start that comes too late changes nothing.
		synth.spoken[0]!.fire('start');
		await flush();
		expect(result.value).toBe(false);
	});

	it('speaks a long text as several utterances, in order, each with the voice and rate', async () => {
		installDevice();
		const text = Array.from({ length: 6 }, (_, i) => `Phrase ${i}, ${'avec des mots '.repeat(5)}pour finir.`).join(' ');
		const uk = voice('uk-UA');
		const result = track(speak(text, uk, { lang: 'uk', rate: 1.2 }));
		const chunks = chunkText(text);
		expect(chunks.length).toBeGreaterThan(1);
		expect(synth.spoken.map((u) => u.text)).toEqual(chunks);
		expect(synth.log.slice(0, 2)).toEqual(['cancel', `speak:${chunks[0]}`]);
		for (const u of synth.spoken) expect(u).toMatchObject({ lang: 'uk-UA', rate: 1.2, voice: uk });
		// Only the first utterance decides: later ones starting or failing do not.
		synth.spoken[1]!.fire('start');
		synth.spoken[2]!.fire('error');
		await flush();
		expect(result.done).toBe(false);
		synth.spoken[0]!.fire('start');
		await flush();
		expect(result).toEqual({ done: true, value: true });
	});

	it('says nothing for blank text, and does not interrupt anything', async () => {
		installDevice();
		expect(await speak('  \n ', voice('fr-FR'), { lang: 'fr' })).toBe(false);
		expect(synth.log).toEqual([]);
	});

	it('resolves false when the device has no speech synthesis', async () => {
		expect(await speak('Bonjour.', voice('fr-FR'), { lang: 'fr' })).toBe(false);
		vi.stubGlobal('speechSynthesis', new FakeSynth());
		expect(await speak('Bonjour.', voice('fr-FR'), { lang: 'fr' })).toBe(false);
	});
});

describe('speak: the newest prompt wins', () => {
	it('a newer prompt makes the older one resolve false, without being cancelled by it', async () => {
		installDevice();
		const older = track(speak('Un.', voice('fr-FR'), { lang: 'fr' }));
		const newer = track(speak('Deux.', voice('fr-FR'), { lang: 'fr' }));
		await flush(); // the cancel's error event reaches the older prompt now
		expect(older).toEqual({ done: true, value: false });
		expect(synth.log).toEqual(['cancel', 'speak:Un.', 'cancel', 'speak:Deux.']);
		expect(synth.queue.map((u) => u.text)).toEqual(['Deux.']);
		synth.queue[0]!.fire('start');
		await flush();
		expect(newer).toEqual({ done: true, value: true });
	});

	it('an older prompt that starts late or times out never cancels the newer one', async () => {
		installDevice();
		synth.cancelFiresError = false; // no error event: only the generation check protects the newer prompt
		const older = track(speak('Un.', voice('fr-FR'), { lang: 'fr' }));
		await vi.advanceTimersByTimeAsync(START_TIMEOUT_MS / 2);
		const newer = track(speak('Deux.', voice('fr-FR'), { lang: 'fr' }));
		const [first, second] = synth.spoken;
		first!.fire('start'); // the old one, late
		await flush();
		expect(older).toEqual({ done: true, value: false });
		second!.fire('start');
		await flush();
		expect(newer).toEqual({ done: true, value: true });

		const third = track(speak('Trois.', voice('fr-FR'), { lang: 'fr' }));
		const fourth = track(speak('Quatre.', voice('fr-FR'), { lang: 'fr' }));
		synth.spoken[3]!.fire('start');
		await vi.advanceTimersByTimeAsync(START_TIMEOUT_MS); // the third times out after the fourth started
		expect(third).toEqual({ done: true, value: false });
		expect(fourth).toEqual({ done: true, value: true });
		expect(synth.log.at(-1)).toBe('speak:Quatre.');
		expect(synth.queue.map((u) => u.text)).toEqual(['Quatre.']);
	});

	it('stopSpeaking silences the prompt, which resolves false', async () => {
		installDevice();
		const pending = track(speak('Un.', voice('fr-FR'), { lang: 'fr' }));
		stopSpeaking();
		expect(synth.log).toEqual(['cancel', 'speak:Un.', 'cancel']);
		await flush();
		expect(pending).toEqual({ done: true, value: false });
	});

	it('a start that comes after stopSpeaking does not count', async () => {
		installDevice();
		synth.cancelFiresError = false;
		const pending = track(speak('Un.', voice('fr-FR'), { lang: 'fr' }));
		stopSpeaking();
		synth.spoken[0]!.fire('start');
		await flush();
		expect(pending).toEqual({ done: true, value: false });
	});

	it('a prompt stopped by stopSpeaking never cancels one spoken after it', async () => {
		installDevice();
		synth.cancelFiresError = false;
		const stopped = track(speak('Un.', voice('fr-FR'), { lang: 'fr' }));
		stopSpeaking();
		const next = track(speak('Deux.', voice('fr-FR'), { lang: 'fr' }));
		synth.spoken[0]!.fire('error');
		await flush();
		expect(stopped).toEqual({ done: true, value: false });
		expect(synth.log).toEqual(['cancel', 'speak:Un.', 'cancel', 'cancel', 'speak:Deux.']);
		synth.spoken[1]!.fire('start');
		await flush();
		expect(next).toEqual({ done: true, value: true });
	});
});

describe('waitForVoices: waiting only once', () => {
	it('waits for voiceschanged up to the timeout on the first call, then stops listening', async () => {
		const device = new FakeSynth();
		const add = vi.spyOn(device, 'addEventListener');
		const remove = vi.spyOn(device, 'removeEventListener');
		const result = track(waitForVoices(device as unknown as SpeechSynthesis, 1500));
		expect(add).toHaveBeenCalledWith('voiceschanged', expect.any(Function));
		await vi.advanceTimersByTimeAsync(1499);
		expect(result.done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(result).toEqual({ done: true, value: [] });
		expect(remove).toHaveBeenCalledWith('voiceschanged', add.mock.calls[0]![1]);
	});

	it('does not wait again on later calls when the list stayed empty', async () => {
		const device = new FakeSynth();
		const first = track(waitForVoices(device as unknown as SpeechSynthesis, 1500));
		await vi.advanceTimersByTimeAsync(1500);
		expect(first.done).toBe(true);
		const add = vi.spyOn(device, 'addEventListener');
		const second = track(waitForVoices(device as unknown as SpeechSynthesis, 1500));
		await flush();
		expect(second).toEqual({ done: true, value: [] });
		expect(add).not.toHaveBeenCalled();
		expect(vi.getTimerCount()).toBe(0);
		// Voices that arrived later, without an event, are still returned at once.
		device.voices = [voice('fr-FR')];
		expect(await waitForVoices(device as unknown as SpeechSynthesis)).toEqual(device.voices);
	});

	it('does not wait again after the list arrived by voiceschanged either', async () => {
		const device = new FakeSynth();
		const first = track(waitForVoices(device as unknown as SpeechSynthesis, 1500));
		device.voices = [voice('ar')];
		device.dispatchEvent(new Event('voiceschanged'));
		await flush();
		expect(first.value?.map((v) => v.lang)).toEqual(['ar']);
		expect(vi.getTimerCount()).toBe(0); // the timeout was cleared
		device.voices = [];
		const second = track(waitForVoices(device as unknown as SpeechSynthesis, 1500));
		await flush();
		expect(second).toEqual({ done: true, value: [] });
	});

	it('waits again after resetVoiceWait', async () => {
		const device = new FakeSynth();
		const first = waitForVoices(device as unknown as SpeechSynthesis, 100);
		await vi.advanceTimersByTimeAsync(100);
		await first;
		resetVoiceWait();
		const second = track(waitForVoices(device as unknown as SpeechSynthesis, 100));
		await flush();
		expect(second.done).toBe(false);
		await vi.advanceTimersByTimeAsync(100);
		expect(second.done).toBe(true);
	});

	it('still ends at the timeout on a device without addEventListener', async () => {
		const bare = { getVoices: () => [] } as unknown as SpeechSynthesis;
		const result = track(waitForVoices(bare, 800));
		await vi.advanceTimersByTimeAsync(800);
		expect(result).toEqual({ done: true, value: [] });
	});
});

describe('deviceVoiceFor', () => {
	it('is undefined when speech synthesis is unavailable', async () => {
		expect(await deviceVoiceFor('fr-FR')).toBeUndefined();
		vi.stubGlobal('speechSynthesis', new FakeSynth()); // no SpeechSynthesisUtterance
		expect(await deviceVoiceFor('fr-FR')).toBeUndefined();
		expect(vi.getTimerCount()).toBe(0); // and it did not wait for anything
	});

	it('picks a local voice of the language, waiting for a late voice list', async () => {
		installDevice();
		const result = track(deviceVoiceFor('fr-FR'));
		await flush();
		expect(result.done).toBe(false);
		const local = voice('fr-FR', true);
		synth.voices = [voice('fr-FR', false), voice('en-GB', true), local];
		synth.dispatchEvent(new Event('voiceschanged'));
		await flush();
		expect(result).toEqual({ done: true, value: local });
	});

	it('is undefined when the device has no voice for the language', async () => {
		installDevice().voices = [voice('en-GB')];
		expect(await deviceVoiceFor('ar')).toBeUndefined();
	});
});
