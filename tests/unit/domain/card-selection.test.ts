import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cardCompetences, ROUND_SIZE, selectRound } from '../../../src/lib/domain/card-selection';
import type { Card, SelfCard, SituationCard } from '../../../src/lib/domain/content-schema';

const PICTO = 'fluent-emoji-flat:house';

function selfCard(id: string, competence: string): SelfCard {
	return { id, kind: 'self', competence, pictogram: PICTO };
}

function situationCard(id: string, ...answerWeights: Record<string, 1 | 2 | 3>[]): SituationCard {
	return {
		id,
		kind: 'situation',
		pictogram: PICTO,
		answers: answerWeights.map((weights, i) => ({ id: `a${i}`, pictogram: PICTO, weights }))
	};
}

/** `count` self cards for each competence, ids like "k1-0". */
function pool(competences: string[], count: number): Card[] {
	return competences.flatMap((c) => Array.from({ length: count }, (_, i) => selfCard(`${c}-${i}`, c)));
}

const ids = (cards: readonly Card[]) => cards.map((c) => c.id);
const noneSeen = new Map<string, number>();

describe('cardCompetences', () => {
	it('is the competence of a self card', () => {
		expect(cardCompetences(selfCard('s', 'cook'))).toEqual(['cook']);
	});

	it('is every competence any answer of a situational card weighs, once each', () => {
		const card = situationCard('q', { cook: 1, drive: 2 }, { drive: 3, listen: 1 });
		expect([...cardCompetences(card)].sort()).toEqual(['cook', 'drive', 'listen']);
	});
});

describe('selectRound', () => {
	it('only picks cards about the wanted competences', () => {
		const cards = [
			...pool(['cook', 'drive', 'listen'], 3),
			situationCard('q-mixed', { other: 1 }, { cook: 2 }),
			situationCard('q-off', { other: 2 })
		];
		const round = selectRound({ cards, competences: new Set(['cook']), lastAnswered: noneSeen, seed: 's' });
		expect([...ids(round)].sort()).toEqual(['cook-0', 'cook-1', 'cook-2', 'q-mixed']);
	});

	it('returns nothing when no competence is wanted', () => {
		expect(
			selectRound({ cards: pool(['cook'], 3), competences: new Set(), lastAnswered: noneSeen, seed: 's' })
		).toEqual([]);
	});

	it('caps a round at ROUND_SIZE (10) cards, without duplicates', () => {
		expect(ROUND_SIZE).toBe(10);
		const cards = pool(['a', 'b', 'c', 'd'], 5);
		const round = selectRound({ cards, competences: new Set(['a', 'b', 'c', 'd']), lastAnswered: noneSeen, seed: 'x' });
		expect(round).toHaveLength(10);
		expect(new Set(ids(round)).size).toBe(10);
	});

	it('puts never-answered cards first, even when older answered cards exist', () => {
		const cards = pool(['a', 'b'], 8); // 16 relevant
		const lastAnswered = new Map(cards.slice(0, 10).map((c, i) => [c.id, 1000 + i]));
		const round = selectRound({ cards, competences: new Set(['a', 'b']), lastAnswered, seed: 'seed' });
		const unseen = cards.filter((c) => !lastAnswered.has(c.id)).map((c) => c.id);
		expect(round).toHaveLength(10);
		// The 6 unseen come first, then 4 seen cards fill the round.
		expect([...ids(round.slice(0, 6))].sort()).toEqual([...unseen].sort());
		expect(round.slice(6).every((c) => lastAnswered.has(c.id))).toBe(true);
	});

	it('fills a short round with seen cards, least recently answered first (ties by id)', () => {
		const cards = [selfCard('new-1', 'a'), selfCard('old-z', 'a'), selfCard('old-y', 'a'), selfCard('old-x', 'b')];
		cards.push(selfCard('recent', 'b'), selfCard('older', 'b'));
		const lastAnswered = new Map([
			['old-z', 50],
			['old-y', 50],
			['old-x', 10],
			['recent', 900],
			['older', 20]
		]);
		const round = selectRound({ cards, competences: new Set(['a', 'b']), lastAnswered, seed: 's', size: 5 });
		expect(ids(round)).toEqual(['new-1', 'old-x', 'older', 'old-y', 'old-z']);
	});

	it('does not repeat a competence before every competence of the pool has had a card', () => {
		const competences = ['a', 'b', 'c', 'd', 'e'];
		const cards = pool(competences, 4);
		for (const seed of ['1', '2', '3', 'abc', 'zzz']) {
			const round = selectRound({ cards, competences: new Set(competences), lastAnswered: noneSeen, seed });
			const mains = round.map((c) => cardCompetences(c)[0]);
			expect(new Set(mains.slice(0, 5)).size).toBe(5);
			expect(new Set(mains.slice(5, 10)).size).toBe(5);
		}
	});

	it('is deterministic for the same inputs and seed', () => {
		const cards = pool(['a', 'b', 'c', 'd', 'e', 'f'], 3);
		const input = { cards, competences: new Set(['a', 'b', 'c', 'd', 'e', 'f']), lastAnswered: noneSeen };
		expect(ids(selectRound({ ...input, seed: 'same' }))).toEqual(ids(selectRound({ ...input, seed: 'same' })));
	});

	it('gives different rounds for most different seeds', () => {
		const competences = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		const input = { cards: pool(competences, 3), competences: new Set(competences), lastAnswered: noneSeen };
		const rounds = new Set(
			Array.from({ length: 30 }, (_, i) => ids(selectRound({ ...input, seed: `seed-${i}` })).join())
		);
		expect(rounds.size).toBeGreaterThanOrEqual(25);
	});
});

// ---- Properties over random pools ----

const COMPETENCES = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
/** Cards each about exactly one competence (self or single-competence situation), some answered before. */
const scenarioArb = fc
	.record({
		cards: fc.array(
			fc.record({
				competence: fc.constantFrom(...COMPETENCES, 'unrelated'),
				situational: fc.boolean(),
				seenAt: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined })
			}),
			// size 'max': fast-check's default size keeps arrays too short to ever fill a round.
			{ maxLength: 40, size: 'max' }
		),
		wanted: fc.subarray(COMPETENCES, { minLength: 1 }),
		seed: fc.string({ maxLength: 12 })
	})
	.map(({ cards, wanted, seed }) => {
		const built = cards.map((c, i): Card => {
			const id = `c-${i}`;
			return c.situational
				? situationCard(id, { [c.competence]: 2 }, { [c.competence]: 1 })
				: selfCard(id, c.competence);
		});
		const lastAnswered = new Map<string, number>();
		cards.forEach((c, i) => {
			if (c.seenAt !== undefined) lastAnswered.set(`c-${i}`, c.seenAt);
		});
		return { cards: built, competences: new Set(wanted), lastAnswered, seed };
	});

const mainOf = (card: Card) => cardCompetences(card)[0]!;

describe('selectRound: properties', () => {
	it('picks min(10, relevant) distinct relevant cards, unseen ones before seen ones', () => {
		fc.assert(
			fc.property(scenarioArb, (input) => {
				const round = selectRound(input);
				const relevant = input.cards.filter((c) => input.competences.has(mainOf(c)));
				const unseenCount = relevant.filter((c) => !input.lastAnswered.has(c.id)).length;
				expect(round).toHaveLength(Math.min(ROUND_SIZE, relevant.length));
				expect(new Set(ids(round)).size).toBe(round.length);
				for (const card of round) expect(input.competences.has(mainOf(card))).toBe(true);
				const seenFlags = round.map((c) => input.lastAnswered.has(c.id));
				expect(seenFlags.slice(0, Math.min(unseenCount, ROUND_SIZE)).every((s) => !s)).toBe(true);
				expect(seenFlags.slice(unseenCount).every((s) => s)).toBe(true);
				const seenTimes = round.filter((c) => input.lastAnswered.has(c.id)).map((c) => input.lastAnswered.get(c.id)!);
				expect(seenTimes).toEqual([...seenTimes].sort((a, b) => a - b));
			})
		);
	});

	it('spreads unseen cards across competences (round-robin fairness)', () => {
		fc.assert(
			fc.property(scenarioArb, (input) => {
				const round = selectRound(input);
				const unseenByCompetence = new Map<string, number>();
				for (const c of input.cards)
					if (input.competences.has(mainOf(c)) && !input.lastAnswered.has(c.id))
						unseenByCompetence.set(mainOf(c), (unseenByCompetence.get(mainOf(c)) ?? 0) + 1);
				const picked = new Map<string, number>();
				for (const card of round.filter((c) => !input.lastAnswered.has(c.id))) {
					const main = mainOf(card);
					const already = picked.get(main) ?? 0;
					// Before a competence gets its (n+1)th card, every competence that has n cards got n.
					for (const [other, available] of unseenByCompetence)
						expect(picked.get(other) ?? 0).toBeGreaterThanOrEqual(Math.min(already, available));
					picked.set(main, already + 1);
				}
			})
		);
	});

	it('does not depend on the order of the cards in the pack', () => {
		fc.assert(
			fc.property(
				scenarioArb.chain((input) =>
					fc.tuple(fc.constant(input), fc.shuffledSubarray(input.cards, { minLength: input.cards.length }))
				),
				([input, reordered]) => {
					expect(ids(selectRound({ ...input, cards: reordered }))).toEqual(ids(selectRound(input)));
				}
			)
		);
	});
});
