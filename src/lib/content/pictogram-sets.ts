/**
 * Pictogram sets Atouts may use. One main set keeps the look consistent; others are
 * allowed only where the main set lacks a concept. Licence and attribution feed the
 * credits screen.
 */
export interface PictogramSet {
	prefix: string;
	name: string;
	licence: string;
	licenceUrl: string;
	author: string;
	url: string;
}

export const PICTOGRAM_SETS: readonly PictogramSet[] = [
	{
		prefix: 'fluent-emoji-flat',
		name: 'Fluent Emoji Flat',
		licence: 'MIT',
		licenceUrl: 'https://github.com/microsoft/fluentui-emoji/blob/main/LICENSE',
		author: 'Microsoft Corporation',
		url: 'https://github.com/microsoft/fluentui-emoji'
	}
];

/** Where the build writes one SVG per used pictogram; `<img>` loads them per screen. */
export function pictogramUrl(ref: string): string {
	const [set, name] = ref.split(':');
	return `pictos/${set}/${name}.svg`;
}
