/**
 * What the recording studio goes through: every audio key of a language, with its text,
 * in sections a coach can take one at a time. Interface texts that change with a number or
 * a name (`{{count}}`, `{{title}}`…) cannot be recorded once for all, so they are left out:
 * they are always synthesised.
 */
export type StudioSection = 'interface' | 'themes' | 'competences' | 'cards' | 'other';

export const STUDIO_SECTIONS: readonly StudioSection[] = ['themes', 'cards', 'competences', 'interface', 'other'];

export interface StudioEntry {
	key: string;
	text: string;
	section: StudioSection;
}

export function sectionOf(key: string): StudioSection {
	if (key.startsWith('ui.')) return 'interface';
	if (key.startsWith('experience.')) return 'themes';
	if (key.startsWith('card.')) return 'cards';
	if (key.startsWith('competence.') || key.startsWith('domain.')) return 'competences';
	return 'other';
}

/** Interface texts as `ui.<path>` → text, without the ones that take values. */
export function flattenUiTexts(tree: unknown, prefix = 'ui'): Record<string, string> {
	const out: Record<string, string> = {};
	if (typeof tree !== 'object' || tree === null) return out;
	for (const [name, value] of Object.entries(tree)) {
		const key = `${prefix}.${name}`;
		if (typeof value === 'string') {
			if (!value.includes('{{') && value.trim()) out[key] = value;
		} else Object.assign(out, flattenUiTexts(value, key));
	}
	return out;
}

/** Entries in a stable order: by section, then in the order the texts were written. */
export function studioEntries(...tables: Record<string, string>[]): StudioEntry[] {
	const entries: StudioEntry[] = [];
	for (const table of tables)
		for (const [key, text] of Object.entries(table))
			if (text.trim()) entries.push({ key, text, section: sectionOf(key) });
	const rank = (section: StudioSection) => STUDIO_SECTIONS.indexOf(section);
	return entries
		.map((entry, order) => ({ entry, order }))
		.sort((a, b) => rank(a.entry.section) - rank(b.entry.section) || a.order - b.order)
		.map(({ entry }) => entry);
}
