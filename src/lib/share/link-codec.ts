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
import { deflateSync, inflateSync } from 'fflate';
import { hasUnsafeText } from '../domain/text-safety';
import { codeOf, idOfCode } from './competence-codes';
import { Fail, Reader, crc32, fromBase64url, pushText, pushVarint, toBase64url, type DecodeError } from './link-bytes';
import { structureCode, structureOfCode } from './structures';
import { NEXT_STEPS_TAG, nextStepsRecord, readNextSteps, type SharedNextStep } from './link-next-steps';

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
const MAX_NAME_BYTES = MAX_NAME_CHARS * 4;
export const MAX_ENDORSER_CHARS = 60; // coach name and structure name, each
const MAX_ENDORSER_BYTES = MAX_ENDORSER_CHARS * 4;
export const MAX_ENDORSERS = 32;
const MAX_DAY = 100_000; // ~year 2293: anything later is a broken clock or a forged link
const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/; // same rule as IdSchema in content-schema
const MAX_ID = 48;
const FLAG_NAME = 1;
const FLAG_COACH = 2;

const dayOf = (ms: number) => Math.floor((ms - EPOCH) / DAY);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const normalizeText = (text: string | undefined, max: number): string | undefined => {
	const cut = [...(text ?? '').trim()].slice(0, max).join('').trim();
	return cut === '' ? undefined : cut;
};
/** Trimmed, at most 40 characters (code points), undefined when nothing is left. */
export const normalizeFirstName = (name: string | undefined) => normalizeText(name, MAX_NAME_CHARS);
/** A coach or structure name as it travels: trimmed, at most 60 characters. */
export const normalizeEndorser = (name: string | undefined) => normalizeText(name, MAX_ENDORSER_CHARS);
const unsafe = (text: string) => hasUnsafeText(text) || /[\uD800-\uDFFF]/u.test(text);

/** The coach section (flag bit 1), or null when no competence has a coach mark. */
function coachSection(competences: readonly SharedCompetence[]): number[] | null {
	if (!competences.some((c) => c.validated || c.endorsedBy)) return null;
	const endorsers = new Map<string, SharedEndorsement>(); // in order of first use
	const marks = competences.map((c) => {
		if (!c.endorsedBy) return c.validated ? 1 : 0;
		const coach = normalizeEndorser(c.endorsedBy.coach);
		const structure = normalizeEndorser(c.endorsedBy.structure);
		if (!coach || !structure || unsafe(coach) || unsafe(structure)) throw new RangeError(`bad endorsement for ${c.id}`);
		const key = JSON.stringify([structure, coach]);
		if (!endorsers.has(key)) endorsers.set(key, { coach, structure });
		return ([...endorsers.keys()].indexOf(key) + 1) * 2 + (c.validated ? 1 : 0);
	});
	if (endorsers.size > MAX_ENDORSERS) throw new RangeError('too many endorsers');
	const out: number[] = [];
	pushVarint(out, endorsers.size);
	for (const { coach, structure } of endorsers.values()) {
		const code = structureCode(structure);
		pushVarint(out, code);
		if (code === 0) pushText(out, structure);
		pushText(out, coach);
	}
	for (const mark of marks) pushVarint(out, mark);
	return out;
}

/**
 * Throws RangeError on a portfolio the app should never hold (bad id, level, unsafe name,
 * duplicates, too big to share): those are bugs to surface, not data to silently alter.
 * Dates outside [2020-01-01, issuedAt] can only come from a wrong device clock, so they
 * are clamped instead of blocking the share.
 */
export function encodePortfolio(p: SharedPortfolio): string {
	const name = normalizeFirstName(p.firstName);
	if (name !== undefined && unsafe(name)) throw new RangeError('unsafe first name');
	if (!Number.isFinite(p.issuedAt)) throw new RangeError('bad issuedAt');
	const issuedDay = clamp(dayOf(p.issuedAt), 0, MAX_DAY);

	const coach = coachSection(p.competences);
	const body: number[] = [];
	pushVarint(body, (name !== undefined ? FLAG_NAME : 0) | (coach ? FLAG_COACH : 0));
	pushVarint(body, issuedDay);
	if (name !== undefined) pushText(body, name);
	pushVarint(body, p.competences.length);
	const seen = new Set<string>();
	for (const c of p.competences) {
		if (seen.has(c.id)) throw new RangeError(`duplicate competence ${c.id}`);
		seen.add(c.id);
		if (![1, 2, 3].includes(c.level)) throw new RangeError(`bad level for ${c.id}`);
		if (!Number.isFinite(c.at)) throw new RangeError(`bad date for ${c.id}`);
		const code = codeOf(c.id);
		if (code !== undefined) pushVarint(body, code);
		else {
			if (!ID.test(c.id) || c.id.length > MAX_ID) throw new RangeError(`bad competence id ${c.id}`);
			pushVarint(body, 0);
			pushVarint(body, c.id.length);
			for (const ch of c.id) body.push(ch.charCodeAt(0));
		}
		body.push(c.level);
		pushVarint(body, issuedDay - clamp(dayOf(c.at), 0, issuedDay));
	}
	if (coach) body.push(...coach);
	body.push(...nextStepsRecord(p.nextSteps));

	const raw = Uint8Array.from(body);
	const packed = deflateSync(raw, { level: 9 });
	const deflated = packed.length < raw.length;
	const payload = deflated ? packed : raw;
	// Both decoder caps, checked before building the text (conservative by a byte): every link we make decodes.
	if (raw.length > MAX_BODY_BYTES || payload.length + 8 > (MAX_LINK_CHARS / 4) * 3)
		throw new RangeError('portfolio too large to share');
	// The oldest layout that holds this portfolio, so older apps still open what they can read.
	const frame: number[] = [coach ? 2 : 1];
	pushVarint(frame, 1 + payload.length + 4);
	frame.push(deflated ? 1 : 0, ...payload);
	const crc = crc32(Uint8Array.from(frame));
	frame.push(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
	return toBase64url(Uint8Array.from(frame));
}

/**
 * Checks the frame and returns the plain body. Order matters: length first (a cut-off link
 * says 'truncated'), then damage (atob forgives non-zero leftover bits; we don't, so a
 * changed last character never passes), and only then the version.
 */
function openFrame({ bytes, cleanTail }: { bytes: Uint8Array; cleanTail: boolean }): {
	version: number;
	body: Uint8Array;
} {
	const r = new Reader(bytes);
	const version = r.byte();
	const rest = r.varint();
	if (bytes.length - r.pos < rest) throw new Fail('truncated');
	if (bytes.length - r.pos > rest || rest < 4 || !cleanTail) throw new Fail('corrupt');
	const end = bytes.length - 4;
	const crc = ((bytes[end]! << 24) | (bytes[end + 1]! << 16) | (bytes[end + 2]! << 8) | bytes[end + 3]!) >>> 0;
	if (crc32(bytes.subarray(0, end)) !== crc) throw new Fail('corrupt');
	if (version === 0) throw new Fail('unknown-version');
	if (version > FORMAT_VERSION) throw new Fail('newer-version');
	if (r.pos >= end) throw new Fail('truncated'); // no room for the encoding byte
	const encoding = r.byte();
	const payload = bytes.subarray(r.pos, end);
	if (encoding === 0) return { version, body: payload };
	if (encoding !== 1) throw new Fail('newer-version');
	// A fixed output buffer: fflate never grows it, so a bomb costs at most one cap's worth.
	let out: Uint8Array;
	try {
		out = inflateSync(payload, { out: new Uint8Array(MAX_BODY_BYTES + 1) });
	} catch (e) {
		// A stored block longer than the buffer makes fflate's copy throw RangeError;
		// its own errors (bad block, early end) mean damaged data.
		throw new Fail(e instanceof RangeError ? 'too-large' : 'corrupt');
	}
	if (out.length > MAX_BODY_BYTES) throw new Fail('too-large');
	return { version, body: out };
}

/** A coach or structure name read from a link: normalised and safe, or the link is refused. */
function readEndorser(r: Reader): string {
	const text = r.text(MAX_ENDORSER_BYTES);
	if (normalizeEndorser(text) !== text || unsafe(text)) throw new Fail('invalid');
	return text;
}

function readCoachSection(r: Reader, competences: SharedCompetence[]): void {
	const count = r.varint();
	if (count > MAX_ENDORSERS) throw new Fail('invalid');
	const endorsers: SharedEndorsement[] = [];
	for (let i = 0; i < count; i++) {
		const code = r.varint();
		const structure = code === 0 ? readEndorser(r) : structureOfCode(code);
		if (structure === undefined) throw new Fail('newer-version'); // a structure from a newer registry
		endorsers.push({ coach: readEndorser(r), structure });
	}
	for (const c of competences) {
		const mark = r.varint();
		const endorser = Math.floor(mark / 2); // marks are up to 32 bits: no bitwise operators
		if (endorser > count) throw new Fail('invalid');
		if (mark % 2 === 1) c.validated = true;
		const by = endorsers[endorser - 1];
		if (by) c.endorsedBy = { ...by };
	}
}

function readBody(version: number, body: Uint8Array): SharedPortfolio {
	const r = new Reader(body);
	const flags = r.varint();
	if (flags & ~(version >= 2 ? FLAG_NAME | FLAG_COACH : FLAG_NAME)) throw new Fail('newer-version');
	const issuedDay = r.varint();
	if (issuedDay > MAX_DAY) throw new Fail('invalid');
	const portfolio: SharedPortfolio = { issuedAt: EPOCH + issuedDay * DAY, competences: [] };
	if (flags & FLAG_NAME) {
		const name = r.text(MAX_NAME_BYTES);
		if (normalizeFirstName(name) !== name || hasUnsafeText(name)) throw new Fail('invalid');
		portfolio.firstName = name;
	}
	const count = r.varint();
	const seen = new Set<string>();
	for (let i = 0; i < count; i++) {
		const code = r.varint();
		let id: string | undefined;
		if (code === 0) {
			const len = r.varint();
			if (len > MAX_ID) throw new Fail('invalid');
			id = String.fromCharCode(...r.take(len));
			if (!ID.test(id)) throw new Fail('invalid');
		} else id = idOfCode(code);
		if (id === undefined) throw new Fail('newer-version'); // a code from a newer registry
		if (seen.has(id)) throw new Fail('invalid');
		seen.add(id);
		const level = r.byte();
		if (level !== 1 && level !== 2 && level !== 3) throw new Fail('invalid');
		const back = r.varint();
		if (back > issuedDay) throw new Fail('invalid');
		portfolio.competences.push({ id, level, at: EPOCH + (issuedDay - back) * DAY });
	}
	if (flags & FLAG_COACH) readCoachSection(r, portfolio.competences);
	while (r.pos < body.length) {
		const tag = r.varint();
		if (tag === 0) throw new Fail('corrupt');
		if (tag % 2 === 1) throw new Fail('newer-version');
		const record = r.take(r.varint());
		if (tag !== NEXT_STEPS_TAG) continue;
		if (portfolio.nextSteps) throw new Fail('invalid'); // one list, never two
		portfolio.nextSteps = readNextSteps(record);
	}
	return portfolio;
}

/** Never throws: any input gives a portfolio or a typed error the UI can explain. */
export function decodePortfolio(text: string): DecodeResult {
	try {
		if (typeof text !== 'string') return { ok: false, error: 'invalid' };
		if (text.length > MAX_LINK_CHARS) return { ok: false, error: 'too-large' };
		const trimmed = text.trim().replace(/={1,2}$/, ''); // tolerate padding some tools add back
		if (trimmed === '') return { ok: false, error: 'empty' };
		const { version, body } = openFrame(fromBase64url(trimmed));
		return { ok: true, portfolio: readBody(version, body) };
	} catch (e) {
		return { ok: false, error: e instanceof Fail ? e.error : 'corrupt' };
	}
}

/** `baseUrl` is the app's root (e.g. "https://atouts.example/"); a missing final "/" is added. */
export function portfolioLink(baseUrl: string, p: SharedPortfolio): string {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return `${base}share#p=${encodePortfolio(p)}`;
}

/** Reads `p=` from a location.hash such as "#p=…" (other parameters are ignored). */
export function readPortfolioFragment(hash: string): DecodeResult {
	if (typeof hash !== 'string') return { ok: false, error: 'invalid' };
	if (hash.length > MAX_LINK_CHARS + 64) return { ok: false, error: 'too-large' };
	const value = new URLSearchParams(hash.replace(/^#/, '')).get('p');
	return decodePortfolio(value ?? '');
}
