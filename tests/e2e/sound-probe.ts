/**
 * Measures real sound in the page, for audio tests and the bench. Installed as an init
 * script, it wraps the two ways Atouts makes sound:
 * - synthesised samples (AudioBufferSourceNode.start): records the buffer's length and
 *   energy, and listens to the node's output through an AnalyserNode;
 * - recorded clips (HTMLMediaElement.play): routes the element through an AnalyserNode.
 * Each sound becomes an entry in `window.__sounds`, with the time since the last tap.
 */
import type { Page } from '@playwright/test';

export interface SoundEntry {
	kind: 'samples' | 'media';
	/** Milliseconds from the last pointerdown to the moment the sound started. */
	tapToStartMs: number;
	/** Seconds of audio (samples: the buffer; media: the element, may be Infinity for live recordings). */
	duration: number;
	/** Root mean square of the buffer (samples only). */
	bufferRms: number;
	/** Highest RMS heard at the output through an analyser. */
	heardRms: number;
	/** RMS heard at the output at the last look (0 once the sound has stopped). */
	nowRms: number;
}

export function installSoundProbe() {
	const win = window as unknown as { __sounds: SoundEntry[] };
	const sounds: SoundEntry[] = [];
	win.__sounds = sounds;
	let tapAt = performance.now();
	addEventListener('pointerdown', () => (tapAt = performance.now()), true);
	const rms = (data: Float32Array) => {
		let sum = 0;
		for (const value of data) sum += value * value;
		return Math.sqrt(sum / Math.max(1, data.length));
	};
	const listen = (context: BaseAudioContext, node: AudioNode, entry: SoundEntry) => {
		const analyser = context.createAnalyser();
		analyser.fftSize = 2048;
		node.connect(analyser);
		const frame = new Float32Array(analyser.fftSize);
		const timer = setInterval(() => {
			analyser.getFloatTimeDomainData(frame);
			entry.nowRms = rms(frame);
			entry.heardRms = Math.max(entry.heardRms, entry.nowRms);
		}, 15);
		setTimeout(() => clearInterval(timer), 4000);
	};

	const start = AudioBufferSourceNode.prototype.start;
	AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: number[]) {
		const buffer = this.buffer;
		if (buffer && buffer.length > 1) {
			const entry: SoundEntry = {
				kind: 'samples',
				tapToStartMs: performance.now() - tapAt,
				duration: buffer.duration,
				bufferRms: rms(buffer.getChannelData(0)),
				heardRms: 0,
				nowRms: 0
			};
			sounds.push(entry);
			listen(this.context, this, entry);
		}
		return start.apply(this, args as []);
	};

	let mediaContext: AudioContext | undefined;
	const routed = new WeakMap<HTMLMediaElement, MediaElementAudioSourceNode>();
	const play = HTMLMediaElement.prototype.play;
	HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
		const tapped = tapAt;
		const result = play.call(this);
		void result.then(
			() => {
				const entry: SoundEntry = {
					kind: 'media',
					tapToStartMs: performance.now() - tapped,
					duration: this.duration,
					bufferRms: 0,
					heardRms: 0,
					nowRms: 0
				};
				sounds.push(entry);
				mediaContext ??= new AudioContext();
				let source = routed.get(this);
				if (!source) {
					source = mediaContext.createMediaElementSource(this);
					source.connect(mediaContext.destination);
					routed.set(this, source);
				}
				listen(mediaContext, source, entry);
			},
			() => undefined
		);
		return result;
	};
}

export async function soundsOf(page: Page): Promise<SoundEntry[]> {
	return page.evaluate(() => (window as unknown as { __sounds: SoundEntry[] }).__sounds ?? []);
}

/** Waits for a sound of `kind` that was really heard (energy at the output), and returns it. */
export async function waitForHeardSound(page: Page, kind: SoundEntry['kind'], minRms = 0.005): Promise<SoundEntry> {
	const handle = await page.waitForFunction(
		({ kind, minRms }) =>
			(window as unknown as { __sounds: SoundEntry[] }).__sounds.find((s) => s.kind === kind && s.heardRms > minRms),
		{ kind, minRms },
		{ timeout: 20_000 }
	);
	return (await handle.jsonValue()) as SoundEntry;
}
