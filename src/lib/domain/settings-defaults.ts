/** Default settings, kept free of zod so the first screen can use them without the parser. */
export const TEXT_SIZES = ['normal', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Settings {
	/** Unset until the person picks one; the app then follows the device. */
	language?: string;
	textSize: TextSize;
	sound: boolean;
	/** Read each screen aloud when it opens (after the first tap: browsers require one). */
	autoRead: boolean;
	/** 0.75× speech for every prompt. */
	slowSpeech: boolean;
	/** High-legibility typeface (Atkinson Hyperlegible). */
	legibleFont: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
	textSize: 'normal',
	sound: true,
	autoRead: false,
	slowSpeech: false,
	legibleFont: false
};

export const DEFAULT_PROFILE_ID = 'default';
