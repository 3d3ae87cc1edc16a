/**
 * The count of recordings in progress, which keeps a shared tablet's auto-lock from firing
 * while someone talks: up on start, down once on stop, cancel or a recorder error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingsInProgress, startRecording } from '../../../src/lib/audio/recorder';

class FakeRecorder extends EventTarget {
	static last: FakeRecorder;
	state: 'inactive' | 'recording' = 'inactive';
	mimeType = 'audio/webm';
	static isTypeSupported = () => true;
	constructor() {
		super();
		FakeRecorder.last = this;
	}
	start() {
		this.state = 'recording';
	}
	stop() {
		this.state = 'inactive';
		queueMicrotask(() => this.dispatchEvent(new Event('stop')));
	}
}

beforeEach(() => {
	const track = { stop: vi.fn() };
	vi.stubGlobal('MediaRecorder', FakeRecorder);
	vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: async () => ({ getTracks: () => [track] }) } });
});
afterEach(() => vi.unstubAllGlobals());

describe('recordings in progress', () => {
	it('counts a recording until it stops', async () => {
		const before = recordingsInProgress();
		const recording = await startRecording();
		expect(recordingsInProgress()).toBe(before + 1);
		const { mime } = await recording.stop();
		expect(mime).toBe('audio/webm');
		expect(recordingsInProgress()).toBe(before);
	});

	it('a cancel, a second cancel and an error after it count down once', async () => {
		const before = recordingsInProgress();
		const a = await startRecording();
		const b = await startRecording();
		expect(recordingsInProgress()).toBe(before + 2);
		a.cancel();
		a.cancel();
		expect(recordingsInProgress()).toBe(before + 1);
		FakeRecorder.last.dispatchEvent(new Event('error'));
		expect(recordingsInProgress()).toBe(before);
		b.cancel();
		expect(recordingsInProgress()).toBe(before);
	});
});
