/**
 * One lookup over every pack on the device (shipped and imported): competences, cards,
 * themes and domains by id, and text by key with a French fallback.
 */
import type { Card, Competence, Domain, Experience } from '../domain/content-schema';
import type { PackStructure } from './shipped-packs';

export class ContentIndex {
	readonly packs: readonly PackStructure[];
	readonly domains: readonly Domain[];
	readonly competences: readonly Competence[];
	readonly experiences: readonly Experience[];
	readonly cards: readonly Card[];
	readonly #competences: Map<string, Competence>;
	readonly #cards: Map<string, Card>;
	readonly #experiences: Map<string, Experience>;
	readonly #domains: Map<string, Domain>;
	readonly #packOfCard = new Map<string, string>();

	constructor(packs: readonly PackStructure[]) {
		this.packs = packs;
		this.domains = packs.flatMap((p) => p.domains);
		this.competences = packs.flatMap((p) => p.competences);
		this.experiences = packs.flatMap((p) => p.experiences);
		this.cards = packs.flatMap((p) => p.cards);
		this.#competences = new Map(this.competences.map((c) => [c.id, c]));
		this.#cards = new Map(this.cards.map((c) => [c.id, c]));
		this.#experiences = new Map(this.experiences.map((e) => [e.id, e]));
		this.#domains = new Map(this.domains.map((d) => [d.id, d]));
		for (const p of packs) for (const c of p.cards) this.#packOfCard.set(c.id, p.meta.id);
	}

	competence(id: string) {
		return this.#competences.get(id);
	}
	card(id: string) {
		return this.#cards.get(id);
	}
	experience(id: string) {
		return this.#experiences.get(id);
	}
	domain(id: string) {
		return this.#domains.get(id);
	}
	packOfCard(id: string) {
		return this.#packOfCard.get(id) ?? 'unknown';
	}

	/** Every id a new pack must not reuse. */
	allIds(): Set<string> {
		return new Set([
			...this.packs.map((p) => `pack:${p.meta.id}`),
			...this.domains.map((d) => `domain:${d.id}`),
			...this.competences.map((c) => `competence:${c.id}`),
			...this.experiences.map((e) => `experience:${e.id}`),
			...this.cards.map((c) => `card:${c.id}`)
		]);
	}
}
