/**
 * The app's one prompt player, wired to the real sources. The voice-pack store (IndexedDB)
 * and the fallback voice are imported lazily, so the first screen's bundle stays small.
 */
import { base } from '$app/paths';
import { playClips, playSamples, stopOutput } from './audio-output';
import { createPlayer } from './player';
import { deviceVoiceFor, speak, stopSpeaking } from './speak';

const fallbackVoice = () => import('./fallback-voice');

async function findClips(lang: string, keys: string[]): Promise<Blob[] | undefined> {
	const [{ getDB }, { findClips: find }] = await Promise.all([import('../storage/db'), import('../storage/clips')]);
	return (await find(await getDB(), lang, keys))?.map((clip) => clip.blob);
}

export const promptPlayer = createPlayer<SpeechSynthesisVoice>({
	findClips,
	playClips,
	deviceVoice: deviceVoiceFor,
	speakDevice: (text, voice, lang, rate) => speak(text, voice, { lang, rate }),
	fallbackSpeaks: async (lang) => (await fallbackVoice()).fallbackSpeaks(base, lang),
	synthesizeFallback: async (text, lang, slow) => (await fallbackVoice()).synthesize(base, text, lang, slow),
	playSynthesized: ({ samples, sampleRate }) => playSamples(samples, sampleRate),
	stopAll: () => {
		stopSpeaking();
		stopOutput();
	},
	online: () => navigator.onLine
});

/**
 * Fetches the fallback voice ahead of need when this device has no voice of its own for
 * `lang`, so prompts still sound once offline. Skipped when the person saves data.
 */
export async function prepareFallback(lang: string): Promise<void> {
	const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
	if (!navigator.onLine || connection?.saveData) return;
	const voice = await deviceVoiceFor(lang);
	if (voice?.localService) return;
	await (await fallbackVoice()).warmFallback(base, lang).catch(() => false);
}
