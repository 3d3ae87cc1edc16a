/**
 * `npm run content:stats`: what the shipped packs cover, as JSON, for authors and for
 * the programme's evaluation: counts, framework coverage, and missing strings per language.
 */
import { packDirs, readPackDir } from './lib/pack-dir';
import { PackSchema } from '../src/lib/domain/content-schema';
import { requiredKeys } from '../src/lib/domain/content-keys';
import { SHIPPED_LANGUAGES } from '../src/lib/i18n/languages';

const packs = packDirs().map((dir) => PackSchema.parse(readPackDir(dir)));
const competences = packs.flatMap((p) => p.competences);
const cards = packs.flatMap((p) => p.cards);
const languages: Record<string, number> = {};
for (const { code } of SHIPPED_LANGUAGES) {
	languages[code] = packs.reduce(
		(missing, pack) => missing + requiredKeys(pack).filter(({ key }) => !pack.strings[code]?.[key]).length,
		0
	);
}
const stats = {
	packs: packs.map((p) => `${p.meta.id}@${p.meta.version}`),
	experiences: packs.reduce((n, p) => n + p.experiences.length, 0),
	competences: competences.length,
	cards: cards.length,
	situational_cards: cards.filter((c) => c.kind === 'situation').length,
	clea_domains_covered: [...new Set(competences.flatMap((c) => c.clea.map((a) => a.domain)))].sort((a, b) => a - b),
	savoir_etre_covered: [...new Set(competences.flatMap((c) => c.savoirEtre))].sort((a, b) => a - b),
	rome_labels: [...new Set(competences.flatMap((c) => c.rome.map((r) => r.label)))].length,
	languages
};
console.log(JSON.stringify(stats, null, 2));
