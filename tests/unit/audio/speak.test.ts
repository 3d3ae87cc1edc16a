import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CHUNK_CHARS, chunkText, pickVoice, resetVoiceWait, waitForVoices } from '../../../src/lib/audio/speak';

const voice = (lang: string, localService: boolean, isDefault = false) =>
	({ lang, localService, default: isDefault, name: `${lang}-${localService}`, voiceURI: lang }) as SpeechSynthesisVoice;

describe('chunkText', () => {
	it('keeps short text whole', () => {
		expect(chunkText('Tu sais rendre la monnaie ?')).toEqual(['Tu sais rendre la monnaie ?']);
	});

	it('splits by sentence, then clause, then word, never inside a word', () => {
		const long = `${'mot '.repeat(60)}fin.`;
		const chunks = chunkText(`Bonjour. ${long} Au revoir !`, 40);
		expect(chunks[0]).toBe('Bonjour.');
		expect(chunks.at(-1)).toBe('Au revoir !');
		for (const c of chunks) expect(c.length).toBeLessThanOrEqual(40);
		expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(`Bonjour. ${long} Au revoir !`.replace(/\s+/g, ' ').trim());
	});

	it('knows Arabic punctuation', () => {
		expect(chunkText('هل يمكنك المساعدة؟ نعم.', 20)).toEqual(['هل يمكنك المساعدة؟', 'نعم.']);
	});

	it('loses no word and respects the limit for any text of normal words', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-zà-ÿ]{1,12}[.,!?]?$/), { minLength: 1, maxLength: 80 }), (words) => {
				const text = words.join(' ');
				const chunks = chunkText(text);
				for (const c of chunks) expect(c.length).toBeLessThanOrEqual(CHUNK_CHARS);
				expect(chunks.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
			})
		);
	});
});

describe('pickVoice', () => {
	it('prefers a local voice of the exact locale, then of the language', () => {
		const voices = [voice('fr-CA', true), voice('fr-FR', false), voice('fr-FR', true), voice('en-GB', true)];
		expect(pickVoice(voices, 'fr-FR')).toBe(voices[2]);
		expect(pickVoice([voice('fr-CA', true), voice('fr-FR', false)], 'fr-FR')?.lang).toBe('fr-FR');
		expect(pickVoice([voice('fr-CA', true)], 'fr-FR')?.lang).toBe('fr-CA');
	});

	it('returns nothing when the device has no voice for the language', () => {
		expect(pickVoice([voice('en-GB', true)], 'ar')).toBeUndefined();
		expect(pickVoice([], 'fr-FR')).toBeUndefined();
	});
});

describe('waitForVoices', () => {
	// Only the first wait of a page waits: forget it, so each test starts from a fresh page.
	afterEach(() => {
		resetVoiceWait();
		vi.useRealTimers();
	});

	function fakeSynth(initial: SpeechSynthesisVoice[]) {
		let voices = initial;
		const listeners = new Set<() => void>();
		return {
			synth: {
				getVoices: () => voices,
				addEventListener: (_: string, fn: () => void) => listeners.add(fn),
				removeEventListener: (_: string, fn: () => void) => listeners.delete(fn)
			} as unknown as SpeechSynthesis,
			arrive(v: SpeechSynthesisVoice[]) {
				voices = v;
				listeners.forEach((fn) => fn());
			},
			listeners
		};
	}

	it('answers at once when voices are already there', async () => {
		const { synth } = fakeSynth([voice('fr-FR', true)]);
		expect(await waitForVoices(synth)).toHaveLength(1);
	});

	it('waits for voiceschanged when the list arrives late', async () => {
		const fake = fakeSynth([]);
		const pending = waitForVoices(fake.synth, 5000);
		fake.arrive([voice('ar', true)]);
		expect((await pending).map((v) => v.lang)).toEqual(['ar']);
		expect(fake.listeners.size).toBe(0);
	});

	it('gives up after the timeout with an empty list, never hangs', async () => {
		vi.useFakeTimers();
		const fake = fakeSynth([]);
		let done = false;
		const pending = waitForVoices(fake.synth, 1500).then((voices) => ((done = true), voices));
		await vi.advanceTimersByTimeAsync(1499);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(await pending).toEqual([]);
		expect(fake.listeners.size).toBe(0);
	});
});
