/**
 * Shapes of everything Atouts stores. Every record carries the profile it belongs to,
 * so isolating or wiping one person's data on a shared tablet never needs a migration.
 * Storage parses each record with these schemas when reading it.
 *
 * The schemas a start reads (profiles, device settings, settings) are built at import; the
 * others are lazy (lazy-schema.ts): built on first use, so a start does not pay for them.
 */
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, TEXT_SIZES, type Settings } from './settings-defaults';
import { lazySchema } from './lazy-schema';

export { DEFAULT_PROFILE_ID, DEFAULT_SETTINGS, TEXT_SIZES, type Settings } from './settings-defaults';

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const time = () => z.int().check(z.gte(0));

export const ProfileIdSchema = text(64, 1);

const SecretHashSchema = z.object({
	salt: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
	hash: z.string().check(z.regex(/^[0-9a-f]{64}$/))
});

/**
 * A person on this device. `default` is the single profile of a personal phone; `named` ones
 * share a tablet; a `guest` is wiped at the end of its session. All added fields are optional,
 * so profiles stored by an older version still load.
 */
export const ProfileSchema = z.object({
	id: ProfileIdSchema,
	kind: z.enum(['default', 'named', 'guest']),
	createdAt: time(),
	avatar: z.optional(text(80)),
	color: z.optional(text(20)),
	/** A typed first name, or a recorded one (played back to name the profile), or neither. */
	name: z.optional(text(40)),
	nameClip: z.optional(z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob)),
	/** Salted hash of the picture code (three positions on the 3×3 grid). */
	code: z.optional(SecretHashSchema),
	/** Wrong code attempts in a row, for the back-off. */
	failures: z.optional(z.int().check(z.gte(0))),
	lastFailureAt: z.optional(time())
});
export type Profile = z.output<typeof ProfileSchema>;

/**
 * This device's own settings (one record, key 'device'): workshop mode and its facilitator PIN,
 * the coach PIN, and the auto-lock delay. They belong to the tablet, not to anyone on it.
 */
export const DeviceSettingsSchema = z.object({
	key: z.literal('device'),
	workshop: z._default(z.boolean(), false),
	facilitatorPin: z.optional(SecretHashSchema),
	/** Wrong facilitator PINs in a row, for the same back-off as picture codes. */
	facilitatorFailures: z.optional(z.int().check(z.gte(0))),
	facilitatorLastFailureAt: z.optional(time()),
	coachPin: z.optional(SecretHashSchema),
	/** Wrong coach PINs in a row, for the same back-off. */
	coachFailures: z.optional(z.int().check(z.gte(0))),
	coachLastFailureAt: z.optional(time()),
	autoLockMinutes: z._default(z.int().check(z.gte(1), z.lte(60)), 3)
});
export type DeviceSettings = z.output<typeof DeviceSettingsSchema>;

/** A coach's review of one competence with the participant: part of the participant's portfolio. */
export const CoachNoteSchema = lazySchema(() =>
	z.object({
		profileId: ProfileIdSchema,
		competence: text(48, 1),
		validated: z.boolean(),
		comment: z.optional(text(280)),
		/** Named endorsement: who vouches, and for which structure (E2C, CAP'Sport…). */
		endorsement: z.optional(z.object({ coach: text(60, 1), structure: text(60, 1) })),
		at: time()
	})
);
export type CoachNote = z.output<typeof CoachNoteSchema>;

/** A next step agreed with the coach: a training, a job lead or a contact, with a date. */
export const NextStepSchema = lazySchema(() =>
	z.object({
		id: text(64, 1),
		profileId: ProfileIdSchema,
		kind: z.enum(['training', 'job', 'contact']),
		text: text(200, 1),
		/** Day of the step, YYYY-MM-DD. */
		date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
		coach: z.optional(text(60)),
		at: time()
	})
);
export type NextStep = z.output<typeof NextStepSchema>;

/**
 * A portfolio a coach saved from a participant's link, on the coach's own device. Each save
 * of the same person adds a snapshot, so progress between two reviews can be shown.
 */
export const CaseloadEntrySchema = lazySchema(() =>
	z.object({
		id: text(64, 1),
		label: text(40, 1),
		snapshots: z
			.array(
				z.object({
					at: time(),
					levels: z.record(text(48), z.union([z.literal(1), z.literal(2), z.literal(3)])),
					rounds: z._default(z.int().check(z.gte(0)), 0)
				})
			)
			.check(z.minLength(1), z.maxLength(200))
	})
);
export type CaseloadEntry = z.output<typeof CaseloadEntrySchema>;

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

export const MasteryLevelSchema = lazySchema(() => z.union([z.literal(1), z.literal(2), z.literal(3)]));

export const AnswerValueSchema = lazySchema(() =>
	z.discriminatedUnion('kind', [
		/** level null: "I don't know / skip". */
		z.object({ kind: z.literal('self'), competence: text(48), level: z.nullable(MasteryLevelSchema) }),
		z.object({ kind: z.literal('situation'), answerId: text(48), weights: z.record(text(48), MasteryLevelSchema) }),
		/** A level brought from another device through a shared link ("save to my phone"). */
		z.object({ kind: z.literal('imported'), competence: text(48), level: MasteryLevelSchema })
	])
);

export const AnswerRecordSchema = lazySchema(() =>
	z.object({
		id: text(64, 1),
		profileId: ProfileIdSchema,
		roundId: text(64, 1),
		cardId: text(48, 1),
		packId: text(48),
		at: time(),
		value: AnswerValueSchema
	})
);
export type AnswerRecord = z.output<typeof AnswerRecordSchema>;

/** What the person said they have lived: a theme, and the answers to its follow-up questions. */
export const ExperiencePickSchema = lazySchema(() =>
	z.object({
		profileId: ProfileIdSchema,
		experienceId: text(48, 1),
		/** follow-up id → chosen option id */
		followUps: z.record(text(48), text(48)),
		at: time()
	})
);
export type ExperiencePick = z.output<typeof ExperiencePickSchema>;

/**
 * A round fixes its cards when it starts, so a reload lands on the same card. The current
 * position is never stored: it is the number of this round's answers, so it cannot drift
 * from what was actually saved.
 */
export const RoundRecordSchema = lazySchema(() =>
	z.object({
		id: text(64, 1),
		profileId: ProfileIdSchema,
		seed: text(64),
		cardIds: z.array(text(48)).check(z.minLength(1), z.maxLength(20)),
		startedAt: time(),
		finishedAt: z.optional(time())
	})
);
export type RoundRecord = z.output<typeof RoundRecordSchema>;

/** A photo or voice note that shows a competence. The Blob is stored as is, with its type. */
export const EvidenceRecordSchema = lazySchema(() =>
	z.object({
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
	})
);
export type EvidenceRecord = z.output<typeof EvidenceRecordSchema>;

/** A competence the person chose not to share. Absent means shared. */
export const VisibilityRecordSchema = lazySchema(() =>
	z.object({
		profileId: ProfileIdSchema,
		competence: text(48, 1),
		hidden: z.boolean()
	})
);
export type VisibilityRecord = z.output<typeof VisibilityRecordSchema>;
