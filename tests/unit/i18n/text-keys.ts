/** The keys of a texts file, for tests that compare every text with i18next's. */
export type Tree = { [key: string]: string | Tree };

/** A plural form's suffix: `home.count_one` is the text `home.count` with a count. */
export const PLURAL = /_(zero|one|two|few|many|other)$/;

export function keysOf(tree: Tree, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) =>
		typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)
	);
}

/** The texts' keys as the app asks for them (plural forms folded into their text). */
export const baseKeysOf = (tree: Tree): string[] => [...new Set(keysOf(tree).map((k) => k.replace(PLURAL, '')))];

/** A value for every placeholder the texts use, numbers where they are counted or formatted. */
export const SAMPLE_VALUES = {
	label: 'Écouter',
	name: 'X',
	author: 'Y',
	licence: 'MIT',
	title: 'T',
	version: '1',
	current: 3,
	total: 1_500,
	n: 7,
	used: 12
};
