/**
 * Voice notes with MediaRecorder. The container differs by browser (Chrome: WebM/Opus,
 * Safari: MP4/AAC), so the real MIME type travels with the Blob.
 */
const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg;codecs=opus', 'audio/webm'];

export function recordingSupported(): boolean {
	return typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

let inProgress = 0;

/**
 * Recordings started and not yet stopped or cancelled. The auto-lock of a shared tablet counts
 * a recording as activity: someone talking for two minutes has not left the tablet.
 */
export function recordingsInProgress(): number {
	return inProgress;
}

export interface Recording {
	stop(): Promise<{ blob: Blob; mime: string }>;
	cancel(): void;
}

export async function startRecording(): Promise<Recording> {
	const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
	const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
	const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
	const chunks: Blob[] = [];
	recorder.addEventListener('dataavailable', (event) => {
		if (event.data.size > 0) chunks.push(event.data);
	});
	let ended = false;
	const release = () => {
		stream.getTracks().forEach((track) => track.stop());
		if (!ended) inProgress--;
		ended = true;
	};
	// A recorder that fails (microphone unplugged) must not keep the tablet awake for ever.
	recorder.addEventListener('error', release);
	recorder.start();
	inProgress++;
	return {
		stop: () =>
			new Promise((resolve) => {
				recorder.addEventListener(
					'stop',
					() => {
						release();
						const mime = (recorder.mimeType || mimeType || 'audio/webm').toLowerCase();
						resolve({ blob: new Blob(chunks, { type: mime }), mime });
					},
					{ once: true }
				);
				recorder.stop();
			}),
		cancel: () => {
			if (recorder.state !== 'inactive') recorder.stop();
			release();
		}
	};
}
