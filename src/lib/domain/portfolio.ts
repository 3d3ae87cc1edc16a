/** Portfolio rules: which competences show, grouped by domain in the pack's order. */
import type { Competence, Domain } from './content-schema';
import type { CompetenceLevel } from './scoring';

export interface PortfolioGroup {
	domain: Domain;
	items: { competence: Competence; level: CompetenceLevel }[];
}

/**
 * Orders ids ("lower-case words joined by -", IdSchema) as localeCompare did, without it: the first
 * localeCompare of a page sets up the browser's collator, ~100 ms on a slow phone, in the portfolio's
 * first render. For these characters, code-unit order is the collation order.
 */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
				.sort((a, b) => b.level.level - a.level.level || compareIds(a.competence.id, b.competence.id))
		}))
		.filter((group) => group.items.length > 0);
}

/**
 * Up to this many rows, a portfolio renders in one short task; beyond, its screen renders in
 * steps (portfolio page, DomainGroups), so that a big one never freezes a slow phone.
 */
export const ROWS_AT_ONCE = 20;

/** The first `count` rows of the groups, in order: what a progressive render has put in the page so far. */
export function firstRows(groups: readonly PortfolioGroup[], count: number): PortfolioGroup[] {
	const out: PortfolioGroup[] = [];
	let left = count;
	for (const group of groups) {
		if (left <= 0) break;
		out.push(group.items.length <= left ? group : { domain: group.domain, items: group.items.slice(0, left) });
		left -= group.items.length;
	}
	return out;
}

/**
 * The size of the next step of a stepwise render, from how long the last one took: about
 * `targetMs` of work per step, growing or shrinking at most fourfold at a time.
 */
export function nextStep(step: number, tookMs: number, targetMs: number, maxStep: number): number {
	const scaled = Math.round((step * targetMs) / Math.max(1, tookMs));
	return Math.max(1, Math.min(maxStep, step * 4, Math.max(scaled, Math.floor(step / 4))));
}
