import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	CardSchema,
	CompetenceSchema,
	IdSchema,
	LanguageSchema,
	PictogramRefSchema,
	StringTableSchema
} from '../../../src/lib/domain/content-schema';

const P = 'fluent-emoji-flat:house';

describe('IdSchema', () => {
	it.each(['a', 'cook', 'be-on-time', 'q-late-bus-2', 'a'.repeat(48)])('accepts %j', (id) => {
		expect(IdSchema.safeParse(id).success).toBe(true);
	});

	it.each(['', 'Cook', '-a', 'a-', 'a--b', 'a_b', 'a b', '__proto__', 'é', 'a'.repeat(49)])('refuses %j', (id) => {
		expect(IdSchema.safeParse(id).success).toBe(false);
	});

	it('accepts only lower-case kebab words', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 60 }), (s) => {
				const valid = s.length <= 48 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s);
				expect(IdSchema.safeParse(s).success).toBe(valid);
			})
		);
	});
});

describe('other field schemas', () => {
	it('pictogram references are "set:name"', () => {
		expect(PictogramRefSchema.safeParse(P).success).toBe(true);
		for (const bad of ['house', 'fluent-emoji-flat:', ':house', 'a:b:c', 'Set:Name', '../x:y'])
			expect(PictogramRefSchema.safeParse(bad).success).toBe(false);
	});

	it('languages are BCP 47-like tags', () => {
		for (const ok of ['fr', 'ar', 'en-GB', 'uk-UA']) expect(LanguageSchema.safeParse(ok).success).toBe(true);
		for (const bad of ['', 'F', 'french', '__proto__', 'fr_FR'])
			expect(LanguageSchema.safeParse(bad).success).toBe(false);
	});

	it('string tables refuse keys with other characters, and empty texts', () => {
		expect(StringTableSchema.safeParse({ 'card.q-bus.prompt': 'Le bus est en retard.' }).success).toBe(true);
		expect(StringTableSchema.safeParse({ 'Card.Prompt': 'x' }).success).toBe(false);
		expect(StringTableSchema.safeParse({ 'card.x.prompt': '' }).success).toBe(false);
	});

	it('competences default their alignments to empty lists', () => {
		expect(CompetenceSchema.parse({ id: 'cook', pictogram: P, domain: 'hands' })).toEqual({
			id: 'cook',
			pictogram: P,
			domain: 'hands',
			clea: [],
			savoirEtre: [],
			rome: []
		});
	});

	it('situational cards have 2 to 4 answers with weights 1 to 3', () => {
		const answer = (id: string, weight: number) => ({ id, pictogram: P, weights: { cook: weight } });
		const card = (answers: unknown[]) => ({ id: 'q', kind: 'situation', pictogram: P, answers });
		expect(CardSchema.safeParse(card([answer('a', 1), answer('b', 3)])).success).toBe(true);
		expect(CardSchema.safeParse(card([answer('a', 1)])).success).toBe(false);
		expect(CardSchema.safeParse(card(['a', 'b', 'c', 'd', 'e'].map((id) => answer(id, 2)))).success).toBe(false);
		expect(CardSchema.safeParse(card([answer('a', 0), answer('b', 1)])).success).toBe(false);
		expect(CardSchema.safeParse(card([answer('a', 1.5), answer('b', 1)])).success).toBe(false);
	});
});
