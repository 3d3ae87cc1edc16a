/**
 * Choosing and ordering the cards of a round.
 * 1. Candidates are cards about the competences the person's experiences suggest.
 * 2. Cards never answered come first; answered ones only fill a round that would be short,
 *    least recently answered first.
 * 3. Within each group, cards are spread across competences: one card per competence in
 *    turn (round-robin), so a round is not ten questions about the same thing.
 * 4. All shuffling is seeded: the same inputs and seed always give the same round.
 */
import type { Card } from './content-schema';
import { seededRandom, shuffled } from './seeded-random';

export const ROUND_SIZE = 10;

export function cardCompetences(card: Card): string[] {
	if (card.kind === 'self') return [card.competence];
	return [...new Set(card.answers.flatMap((a) => Object.keys(a.weights)))];
}

export interface SelectionInput {
	cards: readonly Card[];
	/** Competences suggested by the chosen experiences and follow-up answers. */
	competences: ReadonlySet<string>;
	/** card id → time it was last answered (ms). */
	lastAnswered: ReadonlyMap<string, number>;
	seed: string;
	size?: number;
}

export function selectRound({ cards, competences, lastAnswered, seed, size = ROUND_SIZE }: SelectionInput): Card[] {
	const random = seededRandom(seed);
	const relevant = cards.filter((card) => cardCompetences(card).some((c) => competences.has(c)));
	const unseen = relevant.filter((card) => !lastAnswered.has(card.id));
	const seen = relevant
		.filter((card) => lastAnswered.has(card.id))
		.sort((a, b) => lastAnswered.get(a.id)! - lastAnswered.get(b.id)! || a.id.localeCompare(b.id));

	const picked = spreadAcrossCompetences(unseen, competences, random, size);
	for (const card of seen) {
		if (picked.length >= size) break;
		picked.push(card);
	}
	return picked;
}

/** Round-robin over competences in a seeded order, taking one not-yet-picked card each turn. */
function spreadAcrossCompetences(
	cards: readonly Card[],
	wanted: ReadonlySet<string>,
	random: () => number,
	size: number
): Card[] {
	const byCompetence = new Map<string, Card[]>();
	// Sorting by id first makes the result independent of the pack's file order.
	for (const card of [...cards].sort((a, b) => a.id.localeCompare(b.id))) {
		const main = cardCompetences(card).find((c) => wanted.has(c))!;
		byCompetence.set(main, [...(byCompetence.get(main) ?? []), card]);
	}
	const queues = shuffled([...byCompetence.keys()].sort(), random).map((c) => shuffled(byCompetence.get(c)!, random));
	const picked: Card[] = [];
	while (picked.length < size && queues.some((q) => q.length)) {
		for (const queue of queues) {
			const card = queue.shift();
			if (card) picked.push(card);
			if (picked.length >= size) break;
		}
	}
	return picked;
}
