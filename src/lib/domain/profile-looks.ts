/**
 * How a profile is recognised without reading: an avatar pictogram and a colour, and for the
 * picture code a 3×3 grid of pictograms. Adult, everyday objects and nature; no faces, no flags.
 * Colours are dark enough for white text and distinct in grey (named for screen readers).
 */
export const AVATARS = [
	'fluent-emoji-flat:sunflower',
	'fluent-emoji-flat:evergreen-tree',
	'fluent-emoji-flat:bicycle',
	'fluent-emoji-flat:guitar',
	'fluent-emoji-flat:teapot',
	'fluent-emoji-flat:rocket',
	'fluent-emoji-flat:anchor',
	'fluent-emoji-flat:maple-leaf',
	'fluent-emoji-flat:owl',
	'fluent-emoji-flat:fox',
	'fluent-emoji-flat:mountain',
	'fluent-emoji-flat:compass'
] as const;

export const PROFILE_COLORS = [
	{ id: 'blue', value: '#1f4e9c' },
	{ id: 'green', value: '#1d6b3a' },
	{ id: 'purple', value: '#6a2c91' },
	{ id: 'red', value: '#a3222b' },
	{ id: 'teal', value: '#0b6470' },
	{ id: 'brown', value: '#7a4a14' },
	{ id: 'pink', value: '#a1306b' },
	{ id: 'grey', value: '#4a4f57' }
] as const;
export type ProfileColor = (typeof PROFILE_COLORS)[number]['id'];

/** The picture-code grid, row by row. A code is three taps on it (positions 0–8, repeats allowed). */
export const CODE_PICTOGRAMS = [
	'fluent-emoji-flat:red-apple',
	'fluent-emoji-flat:house',
	'fluent-emoji-flat:sun',
	'fluent-emoji-flat:fish',
	'fluent-emoji-flat:key',
	'fluent-emoji-flat:umbrella',
	'fluent-emoji-flat:musical-note',
	'fluent-emoji-flat:strawberry',
	'fluent-emoji-flat:light-bulb'
] as const;

export const CODE_LENGTH = 3;
