/**
 * Shapes of everything Atouts stores. Every record carries the profile it belongs to,
 * so isolating or wiping one person's data on a shared tablet never needs a migration.
 * Storage parses each record with these schemas when reading it.
 */
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, TEXT_SIZES, type Settings } from './settings-defaults';

export { DEFAULT_PROFILE_ID, DEFAULT_SETTINGS, TEXT_SIZES, type Settings } from './settings-defaults';

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const time = () => z.int().check(z.gte(0));

export const ProfileIdSchema = text(64, 1);

export const ProfileSchema = z.object({
	id: ProfileIdSchema,
	kind: z.enum(['default', 'named', 'guest']),
	createdAt: time(),
	avatar: z.optional(text(80)),
	color: z.optional(text(20))
});
export type Profile = z.output<typeof ProfileSchema>;

/** Missing fields take their defaults, so settings saved by an older version still load. */
export const SettingsSchema = z.object({
	language: z.optional(text(12)),
	textSize: z._default(z.enum(TEXT_SIZES), DEFAULT_SETTINGS.textSize),
	sound: z._default(z.boolean(), DEFAULT_SETTINGS.sound),
	autoRead: z._default(z.boolean(), DEFAULT_SETTINGS.autoRead),
	slowSpeech: z._default(z.boolean(), DEFAULT_SETTINGS.slowSpeech),
	legibleFont: z._default(z.boolean(), DEFAULT_SETTINGS.legibleFont)
}) satisfies z.ZodMiniType<Settings, unknown>;

export const SettingsRecordSchema = z.object({
	profileId: ProfileIdSchema,
	key: z.literal('app'),
	value: SettingsSchema,
	updatedAt: time()
});
export type SettingsRecord = z.output<typeof SettingsRecordSchema>;

export const MasteryLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const AnswerValueSchema = z.discriminatedUnion('kind', [
	/** level null: "I don't know / skip". */
	z.object({ kind: z.literal('self'), competence: text(48), level: z.nullable(MasteryLevelSchema) }),
	z.object({ kind: z.literal('situation'), answerId: text(48), weights: z.record(text(48), MasteryLevelSchema) }),
	/** A level brought from another device through a shared link ("save to my phone"). */
	z.object({ kind: z.literal('imported'), competence: text(48), level: MasteryLevelSchema })
]);

export const AnswerRecordSchema = z.object({
	id: text(64, 1),
	profileId: ProfileIdSchema,
	roundId: text(64, 1),
	cardId: text(48, 1),
	packId: text(48),
	at: time(),
	value: AnswerValueSchema
});
export type AnswerRecord = z.output<typeof AnswerRecordSchema>;

/** What the person said they have lived: a theme, and the answers to its follow-up questions. */
export const ExperiencePickSchema = z.object({
	profileId: ProfileIdSchema,
	experienceId: text(48, 1),
	/** follow-up id → chosen option id */
	followUps: z.record(text(48), text(48)),
	at: time()
});
export type ExperiencePick = z.output<typeof ExperiencePickSchema>;

/**
 * A round fixes its cards when it starts, so a reload lands on the same card. The current
 * position is never stored: it is the number of this round's answers, so it cannot drift
 * from what was actually saved.
 */
export const RoundRecordSchema = z.object({
	id: text(64, 1),
	profileId: ProfileIdSchema,
	seed: text(64),
	cardIds: z.array(text(48)).check(z.minLength(1), z.maxLength(20)),
	startedAt: time(),
	finishedAt: z.optional(time())
});
export type RoundRecord = z.output<typeof RoundRecordSchema>;

/** A photo or voice note that shows a competence. The Blob is stored as is, with its type. */
export const EvidenceRecordSchema = z.object({
	id: text(64, 1),
	profileId: ProfileIdSchema,
	competence: text(48, 1),
	kind: z.enum(['photo', 'voice']),
	/** Safari records MP4/AAC, Chrome WebM/Opus: keep the real type to play it back. */
	mime: z.string().check(z.maxLength(80), z.regex(/^(image|audio)\/[a-z0-9.+-]+(;.*)?$/)),
	blob: z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob),
	bytes: z.int().check(z.gte(0)),
	createdAt: time(),
	/** Hidden from what is shared (link, PDF, badges); still kept on the device. */
	hidden: z._default(z.boolean(), false)
});
export type EvidenceRecord = z.output<typeof EvidenceRecordSchema>;

/** A competence the person chose not to share. Absent means shared. */
export const VisibilityRecordSchema = z.object({
	profileId: ProfileIdSchema,
	competence: text(48, 1),
	hidden: z.boolean()
});
export type VisibilityRecord = z.output<typeof VisibilityRecordSchema>;
