/** Messages between the page and the fallback-voice worker, and the build manifest they share. */
export interface FallbackFile {
	filename: string;
	start: number;
	end: number;
}

/** Written by scripts/build-fallback-voice.ts to static/voice-fallback/manifest.json. */
export interface FallbackManifest {
	engine: string;
	common: { file: string; files: FallbackFile[] };
	languages: Record<string, { voice: string; file: string; files: FallbackFile[] }>;
}

interface RequestBase {
	id: number;
	/** URL of the voice-fallback folder, ending with a slash. */
	base: string;
	manifest: FallbackManifest;
	lang: string;
}
export type FallbackRequest =
	(RequestBase & { type: 'warm' }) | (RequestBase & { type: 'speak'; text: string; wordsPerMinute: number });

export interface FallbackResponse {
	id: number;
	ok: boolean;
	samples?: Int16Array;
	sampleRate?: number;
	error?: string;
}

/** Shown on the credits screen: the fallback voice is a separate GPL program, with its source. */
export const FALLBACK_VOICE_CREDIT = {
	name: 'eSpeak NG',
	author: 'the eSpeak NG contributors',
	licence: 'GPL-3.0-or-later',
	url: 'https://github.com/espeak-ng/espeak-ng'
} as const;
