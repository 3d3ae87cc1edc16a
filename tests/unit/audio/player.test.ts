import { describe, it, expect, vi } from 'vitest';
import { createPlayer, joinPrompt, type PlayerDeps, type Prompt } from '../../../src/lib/audio/player';

interface FakeVoice {
	localService: boolean;
	name: string;
}

/** Fake sources that record what was played; each can be told to fail. */
function fakes(overrides: Partial<PlayerDeps<FakeVoice>> = {}) {
	const played: string[] = [];
	const deps: PlayerDeps<FakeVoice> = {
		findClips: async () => undefined,
		playClips: async (blobs) => void played.push(`clip×${blobs.length}`),
		deviceVoice: async () => undefined,
		speakDevice: async (text, voice) => (played.push(`device:${voice.name}:${text}`), true),
		fallbackSpeaks: async () => true,
		synthesizeFallback: async (text) => ({ samples: new Int16Array(text.length), sampleRate: 22050 }),
		playSynthesized: async (sound) => void played.push(`fallback:${sound.samples.length}`),
		stopAll: vi.fn(),
		online: () => true,
		...overrides
	};
	return { deps, played };
}

const keyed: Prompt[] = [
	{ key: 'card.a.prompt', text: 'Vous cuisinez' },
	{ key: 'ui.quiz.level1', text: 'Avec aide' }
];
const FR = { lang: 'fr', slow: false };

describe('prompt player: choosing the source', () => {
	it('plays recorded clips when every part has one', async () => {
		const clip = new Blob(['x'], { type: 'audio/webm' });
		const findClips = vi.fn(async (_lang: string, keys: string[]) => keys.map(() => clip));
		const { deps, played } = fakes({ findClips });
		expect(await createPlayer(deps).play(keyed, FR)).toBe('clip');
		expect(findClips).toHaveBeenCalledWith('fr', ['card.a.prompt', 'ui.quiz.level1']);
		expect(played).toEqual(['clip×2']);
	});

	it('does not mix: one missing clip means the whole prompt is synthesised', async () => {
		const local = { localService: true, name: 'Amélie' };
		const { deps, played } = fakes({ findClips: async () => undefined, deviceVoice: async () => local });
		expect(await createPlayer(deps).play(keyed, FR)).toBe('device');
		expect(played).toEqual(['device:Amélie:Vous cuisinez. Avec aide']);
	});

	it('never looks for clips when a part has no audio key', async () => {
		const findClips = vi.fn(async () => [new Blob(['x'])]);
		const { deps } = fakes({ findClips });
		await createPlayer(deps).play([{ text: 'libre' }], FR);
		expect(findClips).not.toHaveBeenCalled();
	});

	it('falls back to the device when a clip cannot be played', async () => {
		const { deps, played } = fakes({
			findClips: async () => [new Blob(['x'])],
			playClips: async () => Promise.reject(new Error('format')),
			deviceVoice: async () => ({ localService: true, name: 'v' })
		});
		expect(await createPlayer(deps).play(keyed, FR)).toBe('device');
		expect(played[0]).toMatch(/^device:/);
	});

	it('uses the offline fallback when the voice list is empty', async () => {
		const { deps, played } = fakes({ deviceVoice: async () => undefined });
		expect(await createPlayer(deps).play([{ text: 'Bonjour' }], FR)).toBe('fallback');
		expect(played).toEqual(['fallback:7']);
	});

	it('waits for a slow voice list, then uses the device voice', async () => {
		const deviceVoice = () =>
			new Promise<FakeVoice>((resolve) => setTimeout(() => resolve({ localService: true, name: 'late' }), 30));
		const { deps, played } = fakes({ deviceVoice });
		expect(await createPlayer(deps).play([{ text: 'Bonjour' }], FR)).toBe('device');
		expect(played).toEqual(['device:late:Bonjour']);
	});

	it('skips a network voice when offline, and uses it when online', async () => {
		const network = { localService: false, name: 'cloud' };
		const offline = fakes({ deviceVoice: async () => network, online: () => false });
		expect(await createPlayer(offline.deps).play([{ text: 'a' }], FR)).toBe('fallback');
		const online = fakes({ deviceVoice: async () => network, online: () => true });
		expect(await createPlayer(online.deps).play([{ text: 'a' }], FR)).toBe('device');
	});

	it('uses the fallback when the device voice never starts (broken engine)', async () => {
		const { deps } = fakes({
			deviceVoice: async () => ({ localService: true, name: 'mute' }),
			speakDevice: async () => false
		});
		expect(await createPlayer(deps).play([{ text: 'a' }], FR)).toBe('fallback');
	});

	it('reports "none" when nothing can make a sound', async () => {
		const { deps, played } = fakes({ fallbackSpeaks: async () => false });
		expect(await createPlayer(deps).play([{ text: 'a' }], FR)).toBe('none');
		expect(played).toEqual([]);
		const failing = fakes({ synthesizeFallback: async () => Promise.reject(new Error('offline')) });
		expect(await createPlayer(failing.deps).play([{ text: 'a' }], FR)).toBe('none');
	});

	it('slows clips and device speech to 0.75, and asks the fallback for slow speech', async () => {
		const rates: number[] = [];
		const slowFlags: boolean[] = [];
		const { deps } = fakes({
			findClips: async () => [new Blob(['x']), new Blob(['y'])],
			playClips: async (_b, rate) => void rates.push(rate),
			speakDevice: async (_t, _v, _l, rate) => (rates.push(rate), true),
			deviceVoice: async () => ({ localService: true, name: 'v' }),
			synthesizeFallback: async (_t, _l, slow) => (slowFlags.push(slow), { samples: new Int16Array(1), sampleRate: 1 })
		});
		const player = createPlayer(deps);
		await player.play(keyed, { lang: 'fr', slow: true });
		await player.play([{ text: 'a' }], { lang: 'fr', slow: true });
		expect(rates).toEqual([0.75, 0.75]);
		const noVoice = fakes({ ...deps, deviceVoice: async () => undefined });
		await createPlayer(noVoice.deps).play([{ text: 'a' }], { lang: 'fr', slow: true });
		expect(slowFlags).toEqual([true]);
	});
});

describe('prompt player: one voice at a time', () => {
	it('stops whatever plays before starting, and on stop()', async () => {
		const { deps } = fakes();
		const player = createPlayer(deps);
		await player.play([{ text: 'a' }], FR);
		expect(deps.stopAll).toHaveBeenCalledTimes(1);
		player.stop();
		expect(deps.stopAll).toHaveBeenCalledTimes(2);
	});

	it('a prompt overtaken while loading stays silent', async () => {
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const { deps, played } = fakes({
			synthesizeFallback: async (text) => {
				if (text === 'premier') await gate;
				return { samples: new Int16Array(text.length), sampleRate: 1 };
			}
		});
		const player = createPlayer(deps);
		const first = player.play([{ text: 'premier' }], FR);
		const second = await player.play([{ text: 'second' }], FR);
		release();
		expect(await first).toBe('superseded');
		expect(second).toBe('fallback');
		expect(played).toEqual(['fallback:6']);
	});
});

describe('joinPrompt', () => {
	it('makes sentences of parts, keeping their own punctuation', () => {
		expect(joinPrompt([{ text: 'Titre' }, { text: 'Je sais faire.' }, { text: 'Fin' }])).toBe(
			'Titre. Je sais faire. Fin'
		);
		expect(joinPrompt([{ text: 'Question ?' }, { text: ' ' }, { text: 'Oui' }])).toBe('Question ? Oui');
		expect(joinPrompt([{ text: 'سؤال؟' }, { text: 'نعم' }])).toBe('سؤال؟ نعم');
	});
});
