/**
 * The packs built into the app: structure only (ids, pictograms, alignments, weights).
 * Their strings are separate chunks per language, loaded by loadShippedStrings, so a
 * phone in Arabic never downloads the French, English and Ukrainian texts as well.
 * Shipped packs are validated at build time by content:check, so they are not re-parsed here.
 */
import type { Pack } from '../domain/content-schema';
import { assemblePack, type PackSection, type PackSourceFiles } from './pack-sources';
import { yieldToMain } from '../domain/time-slices';
import socleMeta from './packs/socle/meta.json';
import socleDomains from './packs/socle/domains.json';
import socleCompetences from './packs/socle/competences.json';
import socleExperiences from './packs/socle/experiences.json';
import socleSelfCards from './packs/socle/cards-self.json';
import socleSituationCards from './packs/socle/cards-situation.json';

export type PackStructure = Omit<Pack, 'strings'>;

const socleFiles: PackSourceFiles = {
	meta: socleMeta,
	domains: socleDomains,
	competences: socleCompetences,
	experiences: socleExperiences,
	'cards-self': socleSelfCards,
	'cards-situation': socleSituationCards
};

export const SHIPPED_PACKS: readonly PackStructure[] = [assemblePack(socleFiles, {}) as PackStructure];

// `?compact-strings`: each language's chunk carries only its texts; the keys, the same in every
// language, travel once (scripts/lib/compact-pack-strings.ts).
const stringFiles = import.meta.glob<Record<string, string>>('./packs/*/strings/*/*.json', {
	import: 'default',
	query: '?compact-strings'
});

/** Each language's table, once: the content state asks early (to download in parallel) and again when it needs it. */
const tables = new Map<string, Promise<Readonly<Record<string, string>>>>();

/** All shipped strings of one language, across packs and sections. Missing language: empty. */
export function loadShippedStrings(lang: string): Promise<Readonly<Record<string, string>>> {
	let table = tables.get(lang);
	if (!table) {
		tables.set(lang, (table = readShippedStrings(lang)));
		table.catch(() => tables.delete(lang)); // a failed download may be tried again
	}
	return table;
}

async function readShippedStrings(lang: string): Promise<Record<string, string>> {
	const wanted = Object.entries(stringFiles).filter(([path]) => path.split('/')[4] === lang);
	// Each import adds its preload links to the page, ~15 ms on a slow phone: started one task
	// apart (still downloading side by side), so that six of them do not make one long task.
	const loading: Promise<Record<string, string>>[] = [];
	for (const [, load] of wanted) {
		loading.push(load());
		await yieldToMain();
	}
	const sections = await Promise.all(loading);
	return Object.fromEntries(sections.flatMap((t) => Object.entries(t)));
}

export type { PackSection };
