/**
 * The shipped pack is kept as several files so authors and translators can work on one
 * section and one language at a time. This module joins them into one Pack-shaped object,
 * the same shape an imported pack file has.
 */
export const PACK_SECTIONS = [
	'meta',
	'domains',
	'competences',
	'experiences',
	'cards-self',
	'cards-situation'
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

export interface PackSourceFiles {
	meta: { format: unknown; meta: unknown };
	domains: unknown[];
	competences: unknown[];
	experiences: unknown[];
	'cards-self': unknown[];
	'cards-situation': unknown[];
}

/** Strings per language, per section file. */
export type PackStringFiles = Record<string, Partial<Record<PackSection, Record<string, unknown>>>>;

export function assemblePack(files: PackSourceFiles, strings: PackStringFiles): unknown {
	const tables: Record<string, Record<string, unknown>> = {};
	for (const [lang, sections] of Object.entries(strings)) {
		// fromEntries defines own properties, so a "__proto__" key stays inert data.
		tables[lang] = Object.fromEntries(PACK_SECTIONS.flatMap((s) => Object.entries(sections[s] ?? {})));
	}
	return {
		format: files.meta.format,
		meta: files.meta.meta,
		domains: files.domains,
		competences: files.competences,
		experiences: files.experiences,
		cards: [...files['cards-self'], ...files['cards-situation']],
		strings: tables
	};
}
