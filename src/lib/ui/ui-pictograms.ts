/**
 * Pictograms used by the app's own screens (content packs name theirs). The build
 * extracts exactly these plus the packs' into static/pictos, and fails on a missing one.
 */
export const UI_PICTOGRAMS = {
	home: 'fluent-emoji-flat:house',
	experiences: 'fluent-emoji-flat:backpack',
	quiz: 'fluent-emoji-flat:light-bulb',
	portfolio: 'fluent-emoji-flat:briefcase',
	settings: 'fluent-emoji-flat:gear',
	help: 'fluent-emoji-flat:red-question-mark',
	speaker: 'fluent-emoji-flat:speaker-high-volume',
	muted: 'fluent-emoji-flat:muted-speaker',
	slow: 'fluent-emoji-flat:turtle',
	language: 'fluent-emoji-flat:globe-with-meridians',
	yes: 'fluent-emoji-flat:check-mark-button',
	no: 'fluent-emoji-flat:cross-mark-button',
	update: 'fluent-emoji-flat:counterclockwise-arrows-button',
	offlineReady: 'fluent-emoji-flat:satellite-antenna',
	install: 'fluent-emoji-flat:mobile-phone-with-arrow',
	share: 'fluent-emoji-flat:up-arrow',
	textSize: 'fluent-emoji-flat:magnifying-glass-tilted-left',
	credits: 'fluent-emoji-flat:books',
	strengths: 'fluent-emoji-flat:glowing-star',
	celebrate: 'fluent-emoji-flat:sparkles',
	levelHelp: 'fluent-emoji-flat:handshake',
	levelAlone: 'fluent-emoji-flat:flexed-biceps',
	levelExplain: 'fluent-emoji-flat:speaking-head',
	skip: 'fluent-emoji-flat:person-shrugging',
	undo: 'fluent-emoji-flat:reverse-button',
	again: 'fluent-emoji-flat:repeat-button',
	warning: 'fluent-emoji-flat:warning',
	font: 'fluent-emoji-flat:eye',
	storage: 'fluent-emoji-flat:floppy-disk',
	autoRead: 'fluent-emoji-flat:loudspeaker',
	hidden: 'fluent-emoji-flat:locked',
	delete: 'fluent-emoji-flat:wastebasket',
	camera: 'fluent-emoji-flat:camera',
	microphone: 'fluent-emoji-flat:studio-microphone',
	stop: 'fluent-emoji-flat:stop-button',
	details: 'fluent-emoji-flat:open-book',
	badge: 'fluent-emoji-flat:sports-medal',
	pdf: 'fluent-emoji-flat:page-facing-up'
} as const;

export type UiPictogram = keyof typeof UI_PICTOGRAMS;
