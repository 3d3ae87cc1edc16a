/**
 * `portfolio_link_chars`: the share link of a full default-pack portfolio (every shipped
 * competence, at levels 3, 2 and 1 in turn, dates spread over a year, a first name). Budget: 600
 * characters.
 * `portfolio_link_chars_endorsed`: the same, every competence validated and signed by one coach
 * (link format version 2); `…_endorsed_4_coaches`: signed by four coaches of four structures in turn.
 */
import { readFileSync } from 'node:fs';
import { portfolioLink, type SharedEndorsement } from '../../src/lib/share/link-codec';

const COACHES: SharedEndorsement[] = [
	{ coach: 'Claire Martin', structure: 'E2C Normandie' },
	{ coach: 'Yanis Belkacem', structure: "CAP'Sport" },
	{ coach: 'Sophie Lemarchand', structure: 'La Cravate solidaire' },
	{ coach: 'Thomas Duval', structure: 'Mission locale de Caen la mer' }
];

const competences = () =>
	JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as { id: string }[];

/** The share link of a full portfolio (every shipped competence), optionally signed by coaches in turn. */
export function samplePortfolioLink(baseUrl: string, coaches: SharedEndorsement[] = []): string {
	const now = Date.UTC(2026, 10, 28);
	return portfolioLink(baseUrl, {
		firstName: 'Oleksandra',
		issuedAt: now,
		competences: competences().map((c, i) => ({
			id: c.id,
			level: (3 - (i % 3)) as 1 | 2 | 3,
			at: now - i * 5 * 86_400_000,
			...(coaches.length ? { validated: true, endorsedBy: coaches[i % coaches.length] } : {})
		}))
	});
}

export async function measurePortfolioLink(): Promise<Record<string, unknown>> {
	const link = (coaches: SharedEndorsement[]) => samplePortfolioLink('https://atouts.example/', coaches).length;
	return {
		portfolio_link_chars: link([]),
		portfolio_link_chars_endorsed: link(COACHES.slice(0, 1)),
		portfolio_link_chars_endorsed_4_coaches: link(COACHES),
		portfolio_link_competences: competences().length
	};
}
