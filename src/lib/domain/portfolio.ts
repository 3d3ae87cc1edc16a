/** Portfolio rules: which competences show, grouped by domain in the pack's order. */
import type { Competence, Domain } from './content-schema';
import type { CompetenceLevel } from './scoring';

export interface PortfolioGroup {
	domain: Domain;
	items: { competence: Competence; level: CompetenceLevel }[];
}

export function groupByDomain(
	domains: readonly Domain[],
	competences: readonly Competence[],
	levels: ReadonlyMap<string, CompetenceLevel>
): PortfolioGroup[] {
	return domains
		.map((domain) => ({
			domain,
			items: competences
				.filter((c) => c.domain === domain.id && levels.has(c.id))
				.map((competence) => ({ competence, level: levels.get(competence.id)! }))
				.sort((a, b) => b.level.level - a.level.level || a.competence.id.localeCompare(b.competence.id))
		}))
		.filter((group) => group.items.length > 0);
}
