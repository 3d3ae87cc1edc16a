/// <reference lib="webworker" />
/**
 * Runs the offline fallback voice (eSpeak NG in WebAssembly) off the main thread, so a tap
 * never freezes the screen while it synthesises. It also keeps WebAssembly out of the page,
 * whose Content-Security-Policy does not allow compiling it.
 * Protocol: the page posts `FallbackRequest`s; the worker answers each with its id.
 */
import type { FallbackManifest, FallbackRequest, FallbackResponse } from './fallback-voice-protocol';

interface EspeakSynth {
	set_voice(name: string): number;
	set_rate(wordsPerMinute: number): void;
	samplerate: number;
	synthesize(text: string, onAudio: (samples: Int16Array) => number): void;
}
interface EspeakModule {
	FS: { mkdirTree(path: string): void; writeFile(path: string, data: Uint8Array): void };
	eSpeakNGWorker: new () => EspeakSynth;
}

let engine: Promise<{ module: EspeakModule; synth: EspeakSynth }> | undefined;
const loadedLanguages = new Set<string>();

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

function loadEngine(base: string, manifest: FallbackManifest) {
	engine ??= (async () => {
		const [{ default: init }, common] = await Promise.all([
			import(/* @vite-ignore */ base + manifest.engine) as Promise<{ default: (m: object) => Promise<EspeakModule> }>,
			fetchBytes(base + manifest.common.file)
		]);
		const module = await init({
			atoutsDataPackage: { files: manifest.common.files, remote_package_size: common.length },
			getPreloadedPackage: () => common.buffer
		});
		return { module, synth: new module.eSpeakNGWorker() };
	})().catch((error: unknown) => {
		engine = undefined; // a failed download may succeed next time (back online)
		throw error;
	});
	return engine;
}

async function loadLanguage(base: string, manifest: FallbackManifest, lang: string) {
	const { module, synth } = await loadEngine(base, manifest);
	const entry = manifest.languages[lang];
	if (!entry) throw new Error(`no fallback voice for ${lang}`);
	if (!loadedLanguages.has(lang)) {
		const bytes = await fetchBytes(base + entry.file);
		for (const file of entry.files) {
			module.FS.mkdirTree(file.filename.slice(0, file.filename.lastIndexOf('/')));
			module.FS.writeFile(file.filename, bytes.subarray(file.start, file.end));
		}
		loadedLanguages.add(lang);
	}
	return { synth, voice: entry.voice };
}

async function handle(request: FallbackRequest): Promise<FallbackResponse> {
	const { synth, voice } = await loadLanguage(request.base, request.manifest, request.lang);
	if (request.type === 'warm') return { id: request.id, ok: true };
	synth.set_voice(voice);
	synth.set_rate(request.wordsPerMinute);
	const chunks: Int16Array[] = [];
	synth.synthesize(request.text, (samples) => {
		chunks.push(samples.slice());
		return 0; // 0 = keep going
	});
	const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
	const samples = new Int16Array(total);
	let at = 0;
	for (const chunk of chunks) {
		samples.set(chunk, at);
		at += chunk.length;
	}
	return { id: request.id, ok: true, samples, sampleRate: synth.samplerate };
}

self.addEventListener('message', (event: MessageEvent<FallbackRequest>) => {
	handle(event.data).then(
		(response) => self.postMessage(response, response.samples ? [response.samples.buffer] : []),
		(error: unknown) =>
			self.postMessage({ id: event.data.id, ok: false, error: String(error) } satisfies FallbackResponse)
	);
});
