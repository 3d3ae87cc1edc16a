/**
 * The offline fallback voice, for devices with no voice of their own for the language.
 * Loaded lazily: this module, the worker and eSpeak NG (about 600 KB compressed for French)
 * are fetched only the first time a prompt needs them, then kept by the service worker.
 * See scripts/build-fallback-voice.ts for why eSpeak NG and how it is cut down.
 */
import type { FallbackManifest, FallbackRequest, FallbackResponse } from './fallback-voice-protocol';

/** Words per minute at normal speed: a little slower than eSpeak's 175, for people learning French. */
export const FALLBACK_WPM = 150;

let manifest: Promise<FallbackManifest> | undefined;
let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (response: FallbackResponse) => void>();

export function fallbackVoiceSupported(): boolean {
	return typeof WebAssembly === 'object' && typeof Worker === 'function';
}

function folder(appBase: string): string {
	return `${new URL(`${appBase}/voice-fallback/`, location.href).href}`;
}

function loadManifest(appBase: string): Promise<FallbackManifest> {
	manifest ??= fetch(`${folder(appBase)}manifest.json`)
		.then((response) => {
			if (!response.ok) throw new Error(`fallback manifest: ${response.status}`);
			return response.json() as Promise<FallbackManifest>;
		})
		.catch((error: unknown) => {
			manifest = undefined; // offline before it was ever cached: try again later
			throw error;
		});
	return manifest;
}

function getWorker(): Worker {
	if (!worker) {
		worker = new Worker(new URL('./fallback-voice.worker.ts', import.meta.url), { type: 'module' });
		worker.addEventListener('message', (event: MessageEvent<FallbackResponse>) => {
			pending.get(event.data.id)?.(event.data);
			pending.delete(event.data.id);
		});
	}
	return worker;
}

type Ask = { type: 'warm' } | { type: 'speak'; text: string; wordsPerMinute: number };

async function ask(appBase: string, lang: string, request: Ask): Promise<FallbackResponse> {
	const loaded = await loadManifest(appBase);
	const id = ++nextId;
	return new Promise((resolve) => {
		pending.set(id, resolve);
		const message = { ...request, id, base: folder(appBase), manifest: loaded, lang } as FallbackRequest;
		getWorker().postMessage(message);
	});
}

export async function fallbackSpeaks(appBase: string, lang: string): Promise<boolean> {
	if (!fallbackVoiceSupported()) return false;
	try {
		return lang in (await loadManifest(appBase)).languages;
	} catch {
		return false;
	}
}

/** Synthesises `text`; throws when the fallback cannot (not downloaded yet and offline, say). */
export async function synthesize(appBase: string, text: string, lang: string, slow: boolean) {
	const wordsPerMinute = Math.round(FALLBACK_WPM * (slow ? 0.75 : 1));
	const response = await ask(appBase, lang, { type: 'speak', text, wordsPerMinute });
	if (!response.ok || !response.samples || !response.sampleRate) throw new Error(response.error ?? 'fallback failed');
	return { samples: response.samples, sampleRate: response.sampleRate };
}

/** Downloads the fallback for `lang` ahead of need, so it also works once offline. */
export async function warmFallback(appBase: string, lang: string): Promise<boolean> {
	if (!(await fallbackSpeaks(appBase, lang))) return false;
	return (await ask(appBase, lang, { type: 'warm' })).ok;
}
