/**
 * A portfolio travels from a workshop tablet to a person's phone inside the FRAGMENT of a
 * link or QR code (`…/share#p=…`): browsers never send the fragment to a server, so the
 * portfolio stays between the two devices. Compactness matters because a QR code gets
 * hard to scan past ~600 characters.
 *
 * Frame (invariant for every version, so any version can tell "damaged" from "newer"):
 *   version u8 | rest-length varint (bytes after it) | … | CRC-32 of all previous bytes (4, big-endian)
 * Version 1 fills "…" with: encoding u8 (0 = raw, 1 = raw deflate) | body.
 * Body v1: flags varint (bit 0 = first name) | issued day varint (days since 2020-01-01 UTC)
 *   | [name length varint | UTF-8] | count varint | per competence:
 *   code varint (0 = not in the registry, then id length varint | ASCII id) | level u8
 *   | days before the issued day varint (recent dates are small)
 *   | then extension records to the end: tag varint ≥ 1 | length varint | bytes.
 * Version 2 (coach endorsements) is version 1 plus flag bit 1 = coach marks; when set, after the
 *   competences and before the extension records: endorser count varint | per endorser:
 *   structure code varint (structures.ts; 0 = another, then its name length varint | UTF-8)
 *   | coach name length varint | UTF-8 | then one mark varint per competence, in order:
 *   bit 0 = validated together, the rest = endorser index + 1 (0 = not endorsed).
 *   The encoder writes version 1 when no competence has a coach mark, so those links still
 *   open in an Atouts that predates endorsements; version 1 links decode here unchanged.
 * Later versions add fields as extension records: an old decoder skips even tags (safe to
 * ignore) and answers 'newer-version' for odd ones (can't be read right without them).
 * Tag 2: the next steps agreed with a coach (link-next-steps.ts).
 * Dates are DAY precision: a round trip keeps the UTC day of every date, not the time.
 * The CRC covers the bytes as sent, so any damage up to 32 consecutive bits — any one
 * changed character or byte — is always caught ('corrupt'), never read as another portfolio.
 */
import { hasUnsafeText } from '../domain/text-safety';
import type { DecodeError } from './link-bytes';
import type { SharedNextStep } from './link-next-steps';

export { crc32, type DecodeError } from './link-bytes';
export type { SharedNextStep } from './link-next-steps';

/** A coach who vouches for a competence, and the structure they work for (version 2). */
export interface SharedEndorsement {
	coach: string;
	structure: string;
}
export interface SharedCompetence {
	id: string;
	level: 1 | 2 | 3;
	at: number; // ms since epoch; travels as a UTC day
	/** Validated together with a coach (version 2). Decodes as `true` or absent. */
	validated?: boolean;
	/** Named endorsement (version 2). */
	endorsedBy?: SharedEndorsement;
}
export interface SharedPortfolio {
	firstName?: string;
	issuedAt: number; // ms since epoch; travels as a UTC day
	competences: SharedCompetence[];
	/** Next steps agreed with a coach (extension record, tag 2). */
	nextSteps?: SharedNextStep[];
}
export type DecodeResult = { ok: true; portfolio: SharedPortfolio } | { ok: false; error: DecodeError };

/** The newest layout this code reads and writes (see the version notes above). */
export const FORMAT_VERSION = 2;
export const MAX_LINK_CHARS = 4096; // longer input is refused before any work
export const MAX_BODY_BYTES = 16 * 1024; // inflate cap: a tiny link must not expand into megabytes
export const MAX_NAME_CHARS = 40;
export const MAX_NAME_BYTES = MAX_NAME_CHARS * 4;
export const MAX_ENDORSER_CHARS = 60; // coach name and structure name, each
export const MAX_ENDORSER_BYTES = MAX_ENDORSER_CHARS * 4;
export const MAX_ENDORSERS = 32;
export const MAX_DAY = 100_000; // ~year 2293: anything later is a broken clock or a forged link
export const EPOCH = Date.UTC(2020, 0, 1);
export const DAY = 86_400_000;
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/; // same rule as IdSchema in content-schema
export const MAX_ID = 48;
export const FLAG_NAME = 1;
export const FLAG_COACH = 2;

export const dayOf = (ms: number) => Math.floor((ms - EPOCH) / DAY);
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const normalizeText = (text: string | undefined, max: number): string | undefined => {
	const cut = [...(text ?? '').trim()].slice(0, max).join('').trim();
	return cut === '' ? undefined : cut;
};
/** Trimmed, at most 40 characters (code points), undefined when nothing is left. */
export const normalizeFirstName = (name: string | undefined) => normalizeText(name, MAX_NAME_CHARS);
/** A coach or structure name as it travels: trimmed, at most 60 characters. */
export const normalizeEndorser = (name: string | undefined) => normalizeText(name, MAX_ENDORSER_CHARS);
export const unsafe = (text: string) => hasUnsafeText(text) || /[\uD800-\uDFFF]/u.test(text);
