/**
 * Content packs are data. This file is the single source of truth for their shape.
 * Text never lives in the structure: every user-facing string is looked up in a
 * per-language table under a key derived from ids (see content-keys.ts), and that
 * key doubles as the stable audio key for recordings.
 */
// zod/mini: the same validation at a fraction of the bytes shipped to a phone.
import * as z from 'zod/mini';

/** Lower-case kebab ids: stable, URL-safe, and short enough for the share link. */
export const IdSchema = z
	.string()
	.check(z.maxLength(48), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-"'));

/** `set:name`, e.g. `fluent-emoji-flat:cook`. Resolved at build time. */
export const PictogramRefSchema = z
	.string()
	.check(
		z.maxLength(80),
		z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'pictogram must be "set:name"')
	);

export const LanguageSchema = z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/));

/** CléA: 7 domains; sub-domain codes such as "1.2". */
export const CleaAlignmentSchema = z.strictObject({
	domain: z.int().check(z.gte(1), z.lte(7)),
	sub: z.optional(z.string().check(z.regex(/^[1-7]\.[1-9]$/)))
});

/** The 14 savoir-être professionnels of France Travail, numbered as in frameworks.md. */
export const SavoirEtreSchema = z.int().check(z.gte(1), z.lte(14));

export const RomeAlignmentSchema = z.strictObject({
	label: z.string().check(z.minLength(3), z.maxLength(120)),
	code: z.optional(z.string().check(z.maxLength(20)))
});

export const DomainSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema
});

export const CompetenceSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema,
	domain: IdSchema,
	clea: z._default(z.array(CleaAlignmentSchema).check(z.maxLength(4)), []),
	savoirEtre: z._default(z.array(SavoirEtreSchema).check(z.maxLength(6)), []),
	rome: z._default(z.array(RomeAlignmentSchema).check(z.maxLength(4)), [])
});

export const FollowUpOptionSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema,
	/** Competences that choosing this option adds to the round. */
	suggests: z._default(z.array(IdSchema).check(z.maxLength(8)), [])
});

export const FollowUpSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema,
	options: z.array(FollowUpOptionSchema).check(z.minLength(2), z.maxLength(4))
});

export const ExperienceSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema,
	suggests: z.array(IdSchema).check(z.minLength(1), z.maxLength(12)),
	followUps: z._default(z.array(FollowUpSchema).check(z.maxLength(3)), [])
});

export const SelfCardSchema = z.strictObject({
	id: IdSchema,
	kind: z.literal('self'),
	competence: IdSchema,
	pictogram: PictogramRefSchema
});

/**
 * A weight is the level of mastery (1 to 3) that choosing the answer shows for a
 * competence. Every answer of a situational card is a reasonable thing to do, so
 * answers differ in what they show, never in being "wrong".
 */
export const WeightSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const SituationAnswerSchema = z.strictObject({
	id: IdSchema,
	pictogram: PictogramRefSchema,
	weights: z.record(IdSchema, WeightSchema)
});

export const SituationCardSchema = z.strictObject({
	id: IdSchema,
	kind: z.literal('situation'),
	pictogram: PictogramRefSchema,
	answers: z.array(SituationAnswerSchema).check(z.minLength(2), z.maxLength(4))
});

export const CardSchema = z.discriminatedUnion('kind', [SelfCardSchema, SituationCardSchema]);

export const PackMetaSchema = z.strictObject({
	id: IdSchema,
	version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
	licence: z.string().check(z.minLength(2), z.maxLength(80)),
	author: z.string().check(z.minLength(2), z.maxLength(120)),
	sourceLanguage: LanguageSchema,
	/** Alignment labels that frameworks.md marks UNVERIFIED, e.g. "clea:4.2". */
	unverified: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(64)), [])
});

/** One language's strings: key → text. Keys are derived, see content-keys.ts. */
export const StringTableSchema = z.record(
	z.string().check(z.maxLength(160), z.regex(/^[a-z0-9.-]+$/)),
	z.string().check(z.minLength(1), z.maxLength(400))
);

export const PackSchema = z.strictObject({
	format: z.literal('atouts-pack/1'),
	meta: PackMetaSchema,
	domains: z.array(DomainSchema).check(z.minLength(1), z.maxLength(40)),
	competences: z.array(CompetenceSchema).check(z.minLength(1), z.maxLength(400)),
	experiences: z.array(ExperienceSchema).check(z.maxLength(200)),
	cards: z.array(CardSchema).check(z.maxLength(2000)),
	strings: z.record(LanguageSchema, StringTableSchema)
});

export type Domain = z.output<typeof DomainSchema>;
export type Competence = z.output<typeof CompetenceSchema>;
export type Experience = z.output<typeof ExperienceSchema>;
export type FollowUp = z.output<typeof FollowUpSchema>;
export type SelfCard = z.output<typeof SelfCardSchema>;
export type SituationCard = z.output<typeof SituationCardSchema>;
export type Card = z.output<typeof CardSchema>;
export type PackMeta = z.output<typeof PackMetaSchema>;
export type Pack = z.output<typeof PackSchema>;
export type StringTable = z.output<typeof StringTableSchema>;
