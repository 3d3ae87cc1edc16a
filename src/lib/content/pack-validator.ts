/**
 * Validates a content pack beyond its zod shape: ids are unique, references resolve,
 * every string exists in every language, sentences stay short, pictograms exist.
 * Used by `npm run content:check` (authors) and by the in-app importer (users), so
 * problems are typed codes with a path; each side words them for its audience.
 */
import { PackSchema, type Pack } from '../domain/content-schema';
import { requiredKeys } from '../domain/content-keys';
import { hasAbbreviation, longSentences, FALC_MAX_WORDS } from '../domain/falc';
import { hasUnsafeText } from '../domain/text-safety';
import { hasForbiddenKey } from '../domain/safe-json';

export type PackProblemCode =
	| 'schema'
	| 'duplicate-id'
	| 'unknown-reference'
	| 'missing-translation'
	| 'unused-string'
	| 'long-sentence'
	| 'abbreviation'
	| 'unknown-pictogram'
	| 'unsafe-text';

export interface PackProblem {
	code: PackProblemCode;
	/** Where: "cards[12] (s-count-money-1)" or "strings.ar" … */
	path: string;
	/** Author-facing English detail; the app shows a translated message per code instead. */
	detail: string;
}

export interface ValidateOptions {
	/** When given, every pictogram must be in it (the build knows which icons exist). */
	knownPictograms?: ReadonlySet<string>;
	/** Languages that must be complete. Defaults to every language present in the pack. */
	languages?: readonly string[];
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export function validatePack(input: unknown, options: ValidateOptions = {}): PackValidation {
	// zod drops an own "__proto__" key silently; a pack carrying one is refused instead.
	if (hasForbiddenKey(input))
		return {
			ok: false,
			problems: [{ code: 'schema', path: '(file)', detail: 'forbidden key (__proto__, constructor or prototype)' }]
		};
	const parsed = PackSchema.safeParse(input);
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.slice(0, 50).map((issue) => ({
				code: 'schema' as const,
				path: issue.path.map(String).join('.') || '(root)',
				detail: issue.message
			}))
		};
	}
	const pack = parsed.data;
	const problems: PackProblem[] = [];
	const add = (code: PackProblemCode, path: string, detail: string) => problems.push({ code, path, detail });

	checkUnique(pack.domains, 'domains', add);
	checkUnique(pack.competences, 'competences', add);
	checkUnique(pack.experiences, 'experiences', add);
	checkUnique(pack.cards, 'cards', add);

	const domainIds = new Set(pack.domains.map((d) => d.id));
	const competenceIds = new Set(pack.competences.map((c) => c.id));
	const needCompetence = (id: string, path: string) => {
		if (!competenceIds.has(id)) add('unknown-reference', path, `unknown competence "${id}"`);
	};

	pack.competences.forEach((c, i) => {
		if (!domainIds.has(c.domain))
			add('unknown-reference', `competences[${i}] (${c.id})`, `unknown domain "${c.domain}"`);
		c.clea.forEach((a) => {
			if (a.sub && !a.sub.startsWith(`${a.domain}.`))
				add(
					'unknown-reference',
					`competences[${i}] (${c.id})`,
					`CléA sub-domain ${a.sub} is not in domain ${a.domain}`
				);
		});
	});
	pack.experiences.forEach((e, i) => {
		const path = `experiences[${i}] (${e.id})`;
		e.suggests.forEach((id) => needCompetence(id, path));
		checkUnique(e.followUps, `${path}.followUps`, add);
		for (const f of e.followUps) {
			checkUnique(f.options, `${path}.followUps.${f.id}.options`, add);
			for (const o of f.options) o.suggests.forEach((id) => needCompetence(id, `${path}.followUps.${f.id}.${o.id}`));
		}
	});
	pack.cards.forEach((card, i) => {
		const path = `cards[${i}] (${card.id})`;
		if (card.kind === 'self') needCompetence(card.competence, path);
		else {
			checkUnique(card.answers, `${path}.answers`, add);
			for (const a of card.answers) {
				const weighted = Object.keys(a.weights);
				if (weighted.length === 0)
					add('unknown-reference', `${path}.answers.${a.id}`, 'an answer must weigh at least one competence');
				weighted.forEach((id) => needCompetence(id, `${path}.answers.${a.id}`));
			}
		}
	});

	if (options.knownPictograms) {
		for (const { ref, path } of pictogramRefs(pack))
			if (!options.knownPictograms.has(ref)) add('unknown-pictogram', path, `pictogram "${ref}" does not exist`);
	}

	checkFreeTexts(pack, add);
	checkStrings(pack, options.languages ?? Object.keys(pack.strings), add);
	return problems.length ? { ok: false, problems } : { ok: true, pack };
}

/** Texts outside `strings` (credits, ROME labels) are shown and exported too: same rule. */
function checkFreeTexts(pack: Pack, add: (code: PackProblemCode, path: string, detail: string) => void) {
	const texts: [string, string][] = [
		['meta.licence', pack.meta.licence],
		['meta.author', pack.meta.author],
		...pack.meta.unverified.map((text, i): [string, string] => [`meta.unverified[${i}]`, text]),
		...pack.competences.flatMap((competence) =>
			competence.rome.flatMap((rome, i): [string, string][] => [
				[`competences (${competence.id}).rome[${i}].label`, rome.label],
				...(rome.code ? [[`competences (${competence.id}).rome[${i}].code`, rome.code] as [string, string]] : [])
			])
		)
	];
	for (const [where, text] of texts)
		if (hasUnsafeText(text)) add('unsafe-text', where, 'markup or invisible control characters');
}

function checkStrings(
	pack: Pack,
	languages: readonly string[],
	add: (code: PackProblemCode, path: string, detail: string) => void
) {
	const required = requiredKeys(pack);
	const requiredSet = new Set(required.map((r) => r.key));
	if (languages.length === 0) add('missing-translation', 'strings', 'the pack has no language');
	for (const lang of languages) {
		const table = pack.strings[lang];
		if (!table) {
			add('missing-translation', `strings.${lang}`, `language "${lang}" is missing`);
			continue;
		}
		for (const { key, path } of required)
			if (!Object.hasOwn(table, key)) add('missing-translation', path, `[${lang}] missing "${key}"`);
	}
	// Languages still being translated are checked for what they have, not for what they lack.
	for (const [lang, table] of Object.entries(pack.strings)) {
		for (const [key, text] of Object.entries(table)) {
			const where = `strings.${lang}.${key}`;
			if (!requiredSet.has(key)) add('unused-string', where, 'no card, theme or competence uses this text');
			if (hasUnsafeText(text)) add('unsafe-text', where, 'markup or invisible control characters');
			if (text !== text.trim() || /\s{2,}/u.test(text)) add('unsafe-text', where, 'extra spaces');
			for (const long of longSentences(text))
				add('long-sentence', where, `${long.words} words (max ${FALC_MAX_WORDS}): "${long.sentence}"`);
			if (hasAbbreviation(text)) add('abbreviation', where, `abbreviation in "${text}"`);
		}
	}
}

function checkUnique(
	items: readonly { id: string }[],
	path: string,
	add: (code: PackProblemCode, path: string, detail: string) => void
) {
	const seen = new Set<string>();
	items.forEach((item, i) => {
		if (seen.has(item.id)) add('duplicate-id', `${path}[${i}]`, `duplicate id "${item.id}"`);
		seen.add(item.id);
	});
}

/** Every pictogram a pack names, with where, so a missing icon names its card. */
export function pictogramRefs(pack: Pick<Pack, 'domains' | 'competences' | 'experiences' | 'cards'>) {
	const out: { ref: string; path: string }[] = [];
	pack.domains.forEach((d, i) => out.push({ ref: d.pictogram, path: `domains[${i}] (${d.id})` }));
	pack.competences.forEach((c, i) => out.push({ ref: c.pictogram, path: `competences[${i}] (${c.id})` }));
	pack.experiences.forEach((e, i) => {
		const path = `experiences[${i}] (${e.id})`;
		out.push({ ref: e.pictogram, path });
		for (const f of e.followUps) {
			out.push({ ref: f.pictogram, path: `${path}.followUps.${f.id}` });
			for (const o of f.options) out.push({ ref: o.pictogram, path: `${path}.followUps.${f.id}.${o.id}` });
		}
	});
	pack.cards.forEach((card, i) => {
		const path = `cards[${i}] (${card.id})`;
		out.push({ ref: card.pictogram, path });
		if (card.kind === 'situation')
			for (const a of card.answers) out.push({ ref: a.pictogram, path: `${path}.answers.${a.id}` });
	});
	return out;
}
