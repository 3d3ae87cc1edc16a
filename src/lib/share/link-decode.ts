/**
 * Reads a share link (the layout is in link-format.ts). The deflated body is inflated by the
 * browser's own DecompressionStream (link-inflate.ts), so opening a shared portfolio loads no
 * compression library: fflate's module set-up alone took ~100 ms at 4× CPU on that first screen.
 */
import { hasUnsafeText } from '../domain/text-safety';
import { idOfCode } from './competence-codes';
import { Fail, Reader, crc32, fromBase64url } from './link-bytes';
import { inflateRawCapped } from './link-inflate';
import {
	DAY,
	EPOCH,
	FLAG_COACH,
	FLAG_NAME,
	FORMAT_VERSION,
	ID,
	MAX_BODY_BYTES,
	MAX_DAY,
	MAX_ENDORSER_BYTES,
	MAX_ENDORSERS,
	MAX_ID,
	MAX_LINK_CHARS,
	MAX_NAME_BYTES,
	normalizeEndorser,
	normalizeFirstName,
	unsafe,
	type DecodeResult,
	type SharedEndorsement,
	type SharedCompetence,
	type SharedPortfolio
} from './link-format';
import { NEXT_STEPS_TAG, readNextSteps } from './link-next-steps';
import { structureOfCode } from './structures';

/**
 * Checks the frame and returns the plain body. Order matters: length first (a cut-off link
 * says 'truncated'), then damage (atob forgives non-zero leftover bits; we don't, so a
 * changed last character never passes), and only then the version.
 */
async function openFrame({ bytes, cleanTail }: { bytes: Uint8Array; cleanTail: boolean }): Promise<{
	version: number;
	body: Uint8Array;
}> {
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
	return { version, body: await inflateRawCapped(payload, MAX_BODY_BYTES) };
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
export async function decodePortfolio(text: string): Promise<DecodeResult> {
	try {
		if (typeof text !== 'string') return { ok: false, error: 'invalid' };
		if (text.length > MAX_LINK_CHARS) return { ok: false, error: 'too-large' };
		const trimmed = text.trim().replace(/={1,2}$/, ''); // tolerate padding some tools add back
		if (trimmed === '') return { ok: false, error: 'empty' };
		const { version, body } = await openFrame(fromBase64url(trimmed));
		return { ok: true, portfolio: readBody(version, body) };
	} catch (e) {
		return { ok: false, error: e instanceof Fail ? e.error : 'corrupt' };
	}
}

/** Reads `p=` from a location.hash such as "#p=…" (other parameters are ignored). */
export async function readPortfolioFragment(hash: string): Promise<DecodeResult> {
	if (typeof hash !== 'string') return { ok: false, error: 'invalid' };
	if (hash.length > MAX_LINK_CHARS + 64) return { ok: false, error: 'too-large' };
	const value = new URLSearchParams(hash.replace(/^#/, '')).get('p');
	return decodePortfolio(value ?? '');
}
