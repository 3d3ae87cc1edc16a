/**
 * Where sound comes out: recorded clips through an <audio> element (it keeps the pitch when
 * slowed to 0.75×), synthesised samples through one AudioContext. Only one sound at a time:
 * starting one stops the other. Browsers refuse sound before a tap, so `unlockAudio()` runs on
 * the first tap and plays a silent sample, which opens the context on iOS too.
 */
let context: AudioContext | undefined;
let stopCurrent: (() => void) | undefined;

function audioContextClass(): typeof AudioContext | undefined {
	const g = globalThis as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
	return g.AudioContext ?? g.webkitAudioContext;
}

export function webAudioAvailable(): boolean {
	return audioContextClass() !== undefined;
}

function getContext(): AudioContext | undefined {
	const Context = audioContextClass();
	if (!Context) return undefined;
	context ??= new Context();
	return context;
}

export function unlockAudio(): void {
	const ctx = getContext();
	if (!ctx) return;
	void ctx.resume();
	const silent = ctx.createBufferSource();
	silent.buffer = ctx.createBuffer(1, 1, ctx.sampleRate);
	silent.connect(ctx.destination);
	silent.start();
}

export function stopOutput(): void {
	const stop = stopCurrent;
	stopCurrent = undefined;
	stop?.();
}

/**
 * Plays 16-bit mono samples. Resolves as soon as the sound has started (the player then knows
 * this source works); rejects if sound is impossible here.
 */
export async function playSamples(samples: Int16Array, sampleRate: number, playbackRate = 1): Promise<void> {
	stopOutput();
	const ctx = getContext();
	if (!ctx || samples.length === 0) throw new Error('no audio output');
	if (ctx.state !== 'running') await ctx.resume();
	const buffer = ctx.createBuffer(1, samples.length, sampleRate);
	const channel = buffer.getChannelData(0);
	for (let i = 0; i < samples.length; i++) channel[i] = samples[i]! / 32768;
	const source = ctx.createBufferSource();
	source.buffer = buffer;
	source.playbackRate.value = playbackRate;
	source.connect(ctx.destination);
	stopCurrent = () => source.stop();
	source.start();
}

/**
 * Plays recorded clips one after the other. Resolves once the first one is playing; rejects
 * if the browser cannot play it (for example a format it does not know).
 */
export async function playClips(blobs: readonly Blob[], playbackRate = 1): Promise<void> {
	stopOutput();
	let stopped = false;
	const audio = new Audio();
	audio.preservesPitch = true;
	const urls = blobs.map((blob) => URL.createObjectURL(blob));
	const release = () => urls.forEach((url) => URL.revokeObjectURL(url));
	stopCurrent = () => {
		stopped = true;
		audio.pause();
		release();
	};
	const playAt = async (i: number) => {
		audio.src = urls[i]!;
		// Loading a new source resets the rate to the default one: set both.
		audio.defaultPlaybackRate = playbackRate;
		audio.playbackRate = playbackRate;
		await audio.play();
	};
	audio.addEventListener('ended', () => {
		const next = urls.indexOf(audio.src) + 1;
		if (stopped || next >= urls.length) return release();
		playAt(next).catch(release);
	});
	try {
		await playAt(0);
	} catch (error) {
		release();
		throw error;
	}
}
