import { describe, it, expect } from 'vitest';
import {
	pictogramRefs,
	validatePack,
	type PackProblemCode,
	type PackValidation,
	type ValidateOptions
} from '../../../src/lib/content/pack-validator';
import { KNOWN_PICTOGRAMS, PICTOS, situationCardOf, validPack, type FixturePack } from './pack-fixture';

const OPTIONS: ValidateOptions = { knownPictograms: KNOWN_PICTOGRAMS, languages: ['fr', 'en'] };

function problemsOf(result: PackValidation) {
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.problems;
}

/** Validates a mutated copy of the fixture and expects it refused with `code` (at `path`, when given). */
function expectRefused(mutate: (pack: FixturePack) => void, code: PackProblemCode, path?: string | RegExp) {
	const pack = validPack();
	mutate(pack);
	const problems = problemsOf(validatePack(pack, OPTIONS));
	const matching = problems.filter((p) => p.code === code);
	expect(matching, `problems were: ${JSON.stringify(problems)}`).not.toHaveLength(0);
	if (typeof path === 'string') expect(matching.map((p) => p.path)).toContain(path);
	else if (path) expect(matching.map((p) => p.path)).toContainEqual(expect.stringMatching(path));
	for (const p of problems) {
		expect(typeof p.path).toBe('string');
		expect(p.detail.length).toBeGreaterThan(0);
	}
	return problems;
}

/** Adds an own, enumerable "__proto__" property, as JSON.parse would. */
function defineProtoKey(target: object, value: unknown) {
	Object.defineProperty(target, '__proto__', { value, enumerable: true, configurable: true, writable: true });
}

describe('validatePack: a valid pack', () => {
	it('validates with known pictograms and both languages required', () => {
		const result = validatePack(validPack(), OPTIONS);
		expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
	});

	it('validates without options too (every present language must then be complete)', () => {
		expect(validatePack(validPack()).ok).toBe(true);
	});

	it('returns the parsed pack with defaults filled in', () => {
		const result = validatePack(validPack(), OPTIONS);
		if (!result.ok) throw new Error('expected a valid pack');
		const listen = result.pack.competences.find((c) => c.id === 'listen')!;
		expect(listen).toEqual({
			id: 'listen',
			pictogram: PICTOS.ear,
			domain: 'talk',
			clea: [],
			savoirEtre: [],
			rome: []
		});
		expect(result.pack.meta.unverified).toEqual([]);
		expect(result.pack.cards.map((c) => c.id)).toEqual(['s-phone-call', 'q-change']);
	});

	it('does not modify its input', () => {
		const pack = validPack();
		validatePack(pack, OPTIONS);
		expect(pack).toEqual(validPack());
	});
});

describe('validatePack: strict shapes (schema)', () => {
	it.each<[string, (p: FixturePack) => void]>([
		['at the root', (p) => Object.assign(p, { extra: 1 })],
		['in meta', (p) => Object.assign(p.meta, { homepage: 'https://example.org' })],
		['in a domain', (p) => Object.assign(p.domains[0]!, { colour: 'red' })],
		['in a competence', (p) => Object.assign(p.competences[0]!, { level: 3 })],
		['in a CléA alignment', (p) => Object.assign((p.competences[0]!.clea as object[])[0]!, { note: 'x' })],
		['in a self card', (p) => Object.assign(p.cards[0]!, { text: 'Bonjour' })],
		['in an answer', (p) => Object.assign(situationCardOf(p).answers[0]!, { correct: true })],
		['in an experience', (p) => Object.assign(p.experiences[0]!, { html: '<b>' })],
		[
			'in a follow-up option',
			(p) => {
				const options = (p.experiences[0]!.followUps as { options: object[] }[])[0]!.options;
				Object.assign(options[0]!, { next: 'till' });
			}
		]
	])('refuses an unknown key %s', (_where, mutate) => {
		expectRefused(mutate, 'schema');
	});

	it.each<[string, (p: FixturePack) => void]>([
		['format', (p) => (p.format = 'atouts-pack/2')],
		['version as a number', (p) => (p.meta.version = 1)],
		['version not semver', (p) => (p.meta.version = '1.0')],
		['a weight of 4', (p) => (situationCardOf(p).answers[0]!.weights['count-money'] = 4)],
		['a weight as a string', (p) => (situationCardOf(p).answers[0]!.weights['count-money'] = '2')],
		['an unknown card kind', (p) => (p.cards[0]!.kind = 'quiz')],
		['suggests as a string', (p) => (p.experiences[0]!.suggests = 'listen')],
		['a string that is a number', (p) => ((p.strings.fr as Record<string, unknown>)['pack.title'] = 42)],
		['an empty string', (p) => (p.strings.fr!['pack.title'] = '')],
		['an id with capitals', (p) => (p.domains[0]!.id = 'Talk')],
		['a pictogram without set', (p) => (p.domains[0]!.pictogram = 'house')],
		['a CléA domain 8', (p) => (p.competences[0]!.clea = [{ domain: 8 }])],
		['a savoir-être 15', (p) => (p.competences[0]!.savoirEtre = [15])],
		['a card with one answer', (p) => situationCardOf(p).answers.splice(1)],
		['no domain', (p) => (p.domains = [])]
	])('refuses a wrong type or value: %s', (_what, mutate) => {
		expectRefused(mutate, 'schema');
	});

	it('refuses null, a string and an empty object', () => {
		for (const input of [null, 'pack', {}]) expect(problemsOf(validatePack(input))[0]?.code).toBe('schema');
	});

	it.each<[string, (p: FixturePack) => void]>([
		['a 401-character text', (p) => (p.strings.fr!['pack.description'] = 'a'.repeat(401))],
		['a 1 MB text', (p) => (p.strings.en!['pack.description'] = 'b '.repeat(500_000))],
		['a 49-character id', (p) => (p.domains[0]!.id = 'a'.repeat(49))],
		['a 161-character string key', (p) => (p.strings.fr!['k'.repeat(161)] = 'x')],
		['a 121-character ROME label', (p) => (p.competences[0]!.rome = [{ label: 'r'.repeat(121) }])],
		['2001 cards', (p) => (p.cards = Array.from({ length: 2001 }, () => p.cards[0]!))]
	])('refuses huge content: %s', (_what, mutate) => {
		expectRefused(mutate, 'schema');
	});

	it('accepts a text of exactly 400 characters (the limit)', () => {
		const pack = validPack();
		pack.strings.fr!['pack.description'] = 'a'.repeat(400);
		pack.strings.en!['pack.description'] = 'a'.repeat(400);
		expect(validatePack(pack, OPTIONS).ok).toBe(true);
	});

	it('never lets a "__proto__" key reach a prototype or the validated pack', () => {
		const text = JSON.stringify(validPack())
			.replace('"pack.title"', '"__proto__":{"polluted":"yes"},"pack.title"')
			.replace('"count-money":2', '"__proto__":{"polluted":"yes"},"count-money":2');
		const result = validatePack(JSON.parse(text), OPTIONS);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		if (result.ok) {
			const fr = result.pack.strings.fr!;
			const weights = (result.pack.cards[1] as { answers: { weights: object }[] }).answers[0]!.weights;
			for (const table of [fr, weights]) {
				expect(Object.hasOwn(table, '__proto__')).toBe(false);
				expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
				expect((table as Record<string, unknown>).polluted).toBeUndefined();
			}
		}
	});

	// BUG (spec gap, reported): zod's record silently DROPS an own "__proto__" key instead of
	// failing, so validatePack accepts such a pack. Safe (nothing is polluted, see the test
	// above) but not "refused" as the content rules require; only checkPackImport refuses it,
	// through parseJsonSafely. content:check (plain JSON.parse) lets it through silently.
	it.each<[string, (p: FixturePack) => void]>([
		['a strings table', (p) => defineProtoKey(p.strings.fr!, { polluted: 'yes' })],
		['weights', (p) => defineProtoKey(situationCardOf(p).answers[0]!.weights, 2)],
		['the languages of strings', (p) => defineProtoKey(p.strings, { 'pack.title': 'x' })]
	])('BUG: refuses a "__proto__" key in %s', (_where, mutate) => {
		const pack = validPack();
		mutate(pack);
		const result = validatePack(pack, OPTIONS);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(result.ok).toBe(false);
	});
});

describe('validatePack: ids and references', () => {
	it.each<[string, (p: FixturePack) => void, RegExp]>([
		['domain', (p) => p.domains.push({ ...p.domains[0]! }), /^domains\[2\]/],
		['competence', (p) => p.competences.push({ ...p.competences[1]! }), /^competences\[3\]/],
		['experience', (p) => p.experiences.push({ ...p.experiences[0]! }), /^experiences\[1\]/],
		['card', (p) => p.cards.push({ ...p.cards[0]! }), /^cards\[2\]/],
		['answer in a card', (p) => (situationCardOf(p).answers[1]!.id = 'count'), /answers\[1\]/],
		[
			'follow-up option',
			(p) => {
				const options = (p.experiences[0]!.followUps as { options: { id: string }[] }[])[0]!.options;
				options[1]!.id = 'yes';
			},
			/options\[1\]/
		]
	])('refuses a duplicate %s id', (_what, mutate, path) => {
		expectRefused(mutate, 'duplicate-id', path);
	});

	it.each<[string, (p: FixturePack) => void, RegExp]>([
		['a self card', (p) => (p.cards[0]!.competence = 'fly-plane'), /^cards\[0\] \(s-phone-call\)$/],
		['a weight', (p) => (situationCardOf(p).answers[0]!.weights = { 'fly-plane': 2 }), /q-change.*answers\.count/],
		['experience suggestions', (p) => (p.experiences[0]!.suggests = ['listen', 'fly-plane']), /shop-job/],
		[
			'a follow-up option',
			(p) => {
				const options = (p.experiences[0]!.followUps as { options: { suggests: string[] }[] }[])[0]!.options;
				options[0]!.suggests = ['fly-plane'];
			},
			/followUps\.till\.yes/
		]
	])('refuses an unknown competence referenced by %s', (_what, mutate, path) => {
		const problems = expectRefused(mutate, 'unknown-reference', path);
		expect(problems.some((p) => p.detail.includes('fly-plane'))).toBe(true);
	});

	it('refuses a competence in an unknown domain', () => {
		expectRefused((p) => (p.competences[2]!.domain = 'cooking'), 'unknown-reference', /^competences\[2\]/);
	});

	it('refuses a CléA sub-domain outside its domain', () => {
		expectRefused((p) => (p.competences[0]!.clea = [{ domain: 1, sub: '3.2' }]), 'unknown-reference');
	});

	it('refuses an answer that weighs no competence', () => {
		expectRefused((p) => (situationCardOf(p).answers[1]!.weights = {}), 'unknown-reference', /answers\.ask/);
	});
});

describe('validatePack: strings', () => {
	it('refuses a missing translation, naming the card', () => {
		const problems = expectRefused(
			(p) => delete p.strings.en!['card.q-change.answer.ask'],
			'missing-translation',
			/cards\[1\] \(q-change\)\.answers\.ask/
		);
		expect(problems.find((p) => p.code === 'missing-translation')?.detail).toContain('[en]');
	});

	it('refuses a missing level text of a competence', () => {
		expectRefused(
			(p) => delete p.strings.fr!['competence.listen.level.3'],
			'missing-translation',
			/competences\[1\] \(listen\)/
		);
	});

	it('refuses a required language that is absent', () => {
		const problems = problemsOf(validatePack(validPack(), { ...OPTIONS, languages: ['fr', 'en', 'ar'] }));
		expect(problems).toContainEqual(expect.objectContaining({ code: 'missing-translation', path: 'strings.ar' }));
	});

	it('refuses a pack without any language', () => {
		const pack = validPack();
		pack.strings = {};
		expect(problemsOf(validatePack(pack)).map((p) => p.code)).toContain('missing-translation');
	});

	it('accepts a partial language that is not required, but still checks what it has', () => {
		const pack = validPack();
		pack.strings.uk = { 'pack.title': 'Тестовий пакет' };
		expect(validatePack(pack, OPTIONS).ok).toBe(true);
		pack.strings.uk['pack.description'] = 'Текст \u202E прихований';
		expect(problemsOf(validatePack(pack, OPTIONS)).map((p) => p.code)).toEqual(['unsafe-text']);
	});

	it('refuses a string nothing uses', () => {
		expectRefused(
			(p) => (p.strings.fr!['card.ghost.prompt'] = 'Fantôme.'),
			'unused-string',
			'strings.fr.card.ghost.prompt'
		);
	});

	it('refuses a sentence over 12 words, and accepts two short ones', () => {
		const long = 'Je prends le bus tous les matins pour aller au travail en ville.';
		expectRefused((p) => (p.strings.fr!['card.s-phone-call.prompt'] = long), 'long-sentence', /s-phone-call/);
		const pack = validPack();
		pack.strings.fr!['card.s-phone-call.prompt'] = 'Je prends le bus tous les matins. Je vais au travail en ville.';
		expect(validatePack(pack, OPTIONS).ok).toBe(true);
	});

	it('refuses an abbreviation', () => {
		expectRefused((p) => (p.strings.fr!['pack.description'] = 'Des outils, etc.'), 'abbreviation');
	});

	it.each([
		['markup', '<b>Parler</b>'],
		['a script tag', 'Parler<script>alert(1)</script>'],
		['a right-to-left override U+202E', 'Parler\u202Eelbat'],
		['an isolate U+2066', 'Parler\u2066x'],
		['a control character', 'Par\u0000ler'],
		['leading spaces', '  Parler'],
		['double spaces', 'Parler  bien']
	])('refuses unsafe text: %s', (_what, text) => {
		expectRefused((p) => (p.strings.fr!['domain.talk.title'] = text), 'unsafe-text', 'strings.fr.domain.talk.title');
	});

	it('accepts ordinary Arabic and Ukrainian text', () => {
		const pack = validPack();
		pack.strings.ar = Object.fromEntries(Object.keys(pack.strings.fr!).map((k) => [k, 'أتحدث مع الناس.']));
		pack.strings.uk = Object.fromEntries(Object.keys(pack.strings.fr!).map((k) => [k, 'Я розмовляю з людьми.']));
		expect(validatePack(pack, { ...OPTIONS, languages: ['fr', 'en', 'ar', 'uk'] }).ok).toBe(true);
	});
});

describe('validatePack: pictograms', () => {
	it('refuses a pictogram the build does not know, naming where it is', () => {
		expectRefused(
			(p) => (situationCardOf(p).answers[1]!.pictogram = 'fluent-emoji-flat:no-such-icon'),
			'unknown-pictogram',
			'cards[1] (q-change).answers.ask'
		);
	});

	it('refuses every unknown pictogram when the known set is empty', () => {
		const problems = problemsOf(validatePack(validPack(), { ...OPTIONS, knownPictograms: new Set() }));
		expect(problems.filter((p) => p.code === 'unknown-pictogram')).toHaveLength(
			pictogramRefs(validPack() as never).length
		);
	});

	it('does not check pictograms when no known set is given', () => {
		const pack = validPack();
		pack.domains[0]!.pictogram = 'fluent-emoji-flat:no-such-icon';
		expect(validatePack(pack, { languages: ['fr', 'en'] }).ok).toBe(true);
	});

	it('pictogramRefs lists every pictogram of the pack', () => {
		const refs = pictogramRefs(validPack() as never);
		// 2 domains + 3 competences + 1 experience + 1 follow-up + 2 options + 2 cards + 2 answers.
		expect(refs).toHaveLength(13);
		expect(new Set(refs.map((r) => r.ref))).toEqual(KNOWN_PICTOGRAMS);
		expect(refs).toContainEqual({ ref: PICTOS.no, path: 'experiences[0] (shop-job).followUps.till.no' });
	});
});
