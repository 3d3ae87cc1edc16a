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

/** All shipped strings of one language, across packs and sections. Missing language: empty. */
export async function loadShippedStrings(lang: string): Promise<Record<string, string>> {
	const wanted = Object.entries(stringFiles).filter(([path]) => path.split('/')[4] === lang);
	// Each import adds its preload links to the page, ~15 ms on a slow phone: started one task
	// apart (still downloading side by side), so that six of them do not make one long task.
	const loading: Promise<Record<string, string>>[] = [];
	for (const [, load] of wanted) {
		loading.push(load());
		await yieldToMain();
	}
	const tables = await Promise.all(loading);
	return Object.fromEntries(tables.flatMap((t) => Object.entries(t)));
}

export type { PackSection };
