/**
 * `portfolio_link_chars`: the share link of a full default-pack portfolio (every shipped
 * competence at level 3, dates spread over a year, a first name). Budget: 600 characters.
 */
import { readFileSync } from 'node:fs';
import { portfolioLink } from '../../src/lib/share/link-codec';

export async function measurePortfolioLink(): Promise<Record<string, unknown>> {
	const competences = JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as {
		id: string;
	}[];
	const now = Date.UTC(2026, 10, 28);
	const link = portfolioLink('https://atouts.example/', {
		firstName: 'Oleksandra',
		issuedAt: now,
		competences: competences.map((c, i) => ({ id: c.id, level: 3, at: now - i * 5 * 86_400_000 }))
	});
	return { portfolio_link_chars: link.length, portfolio_link_competences: competences.length };
}
