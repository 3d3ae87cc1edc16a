/**
 * String keys are derived from ids, never stored, so a pack cannot point a card at
 * the wrong text. The same key is the audio key a recording is attached to.
 */
import type { Card, Competence, Domain, Experience, Pack } from './content-schema';

export type MasteryLevel = 1 | 2 | 3;

export const keys = {
	packTitle: () => 'pack.title',
	packDescription: () => 'pack.description',
	domainTitle: (d: string) => `domain.${d}.title`,
	competenceTitle: (c: string) => `competence.${c}.title`,
	competenceStatement: (c: string) => `competence.${c}.statement`,
	competenceLevel: (c: string, level: MasteryLevel) => `competence.${c}.level.${level}`,
	experienceTitle: (e: string) => `experience.${e}.title`,
	followUpQuestion: (e: string, f: string) => `experience.${e}.followup.${f}.question`,
	followUpOption: (e: string, f: string, o: string) => `experience.${e}.followup.${f}.option.${o}`,
	cardPrompt: (card: string) => `card.${card}.prompt`,
	cardAnswer: (card: string, answer: string) => `card.${card}.answer.${answer}`
} as const;

/** Every key a pack needs, with where it comes from, so errors can say which card is incomplete. */
export interface RequiredKey {
	key: string;
	/** A JSON-path-like location for author-facing error messages. */
	path: string;
}

export function requiredKeys(pack: Pick<Pack, 'domains' | 'competences' | 'experiences' | 'cards'>): RequiredKey[] {
	const out: RequiredKey[] = [
		{ key: keys.packTitle(), path: 'meta' },
		{ key: keys.packDescription(), path: 'meta' }
	];
	pack.domains.forEach((d: Domain, i) => out.push({ key: keys.domainTitle(d.id), path: `domains[${i}] (${d.id})` }));
	pack.competences.forEach((c: Competence, i) => {
		const path = `competences[${i}] (${c.id})`;
		out.push({ key: keys.competenceTitle(c.id), path }, { key: keys.competenceStatement(c.id), path });
		for (const level of [1, 2, 3] as const) out.push({ key: keys.competenceLevel(c.id, level), path });
	});
	pack.experiences.forEach((e: Experience, i) => {
		const path = `experiences[${i}] (${e.id})`;
		out.push({ key: keys.experienceTitle(e.id), path });
		for (const f of e.followUps) {
			out.push({ key: keys.followUpQuestion(e.id, f.id), path: `${path}.followUps.${f.id}` });
			for (const o of f.options)
				out.push({ key: keys.followUpOption(e.id, f.id, o.id), path: `${path}.followUps.${f.id}.${o.id}` });
		}
	});
	pack.cards.forEach((card: Card, i) => {
		const path = `cards[${i}] (${card.id})`;
		out.push({ key: keys.cardPrompt(card.id), path });
		if (card.kind === 'situation')
			for (const a of card.answers) out.push({ key: keys.cardAnswer(card.id, a.id), path: `${path}.answers.${a.id}` });
	});
	return out;
}
