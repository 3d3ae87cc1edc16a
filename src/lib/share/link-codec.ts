/**
 * Writes a share link: the layout is in link-format.ts, the reader in link-decode.ts. The writer
 * keeps fflate's deflate at level 9 (the browser's CompressionStream has no level, and a shorter
 * link makes a QR code easier to scan). This module re-exports the format and the reader, so
 * callers that write and read have one import; the shared view imports link-decode.ts alone.
 */
import { deflateSync } from 'fflate';
import { codeOf } from './competence-codes';
import { crc32, pushText, pushVarint, toBase64url } from './link-bytes';
import {
	FLAG_COACH,
	FLAG_NAME,
	ID,
	MAX_BODY_BYTES,
	MAX_DAY,
	MAX_ENDORSERS,
	MAX_ID,
	MAX_LINK_CHARS,
	clamp,
	dayOf,
	normalizeEndorser,
	normalizeFirstName,
	unsafe,
	type SharedCompetence,
	type SharedEndorsement,
	type SharedPortfolio
} from './link-format';
import { nextStepsRecord } from './link-next-steps';
import { structureCode } from './structures';

export * from './link-format';
export { decodePortfolio, readPortfolioFragment } from './link-decode';

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

/** `baseUrl` is the app's root (e.g. "https://atouts.example/"); a missing final "/" is added. */
export function portfolioLink(baseUrl: string, p: SharedPortfolio): string {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return `${base}share#p=${encodePortfolio(p)}`;
}
