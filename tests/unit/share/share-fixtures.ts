// Shared by the link-codec tests: portfolios, hand-built frames and the arbitraries.
import { expect } from 'vitest';
import fc from 'fast-check';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { inflateSync } from 'fflate';
import codesJson from '../../../src/lib/content/packs/socle/codes.json';
import {
	decodePortfolio,
	encodePortfolio,
	normalizeEndorser,
	normalizeFirstName,
	type DecodeResult,
	type SharedPortfolio
} from '../../../src/lib/share/link-codec';
import { hasUnsafeText } from '../../../src/lib/domain/text-safety';

// FC_RUNS raises the effort for the benchmark; unit runs stay quick.
export const RUNS = Number(process.env.FC_RUNS) || 1000;
export const PROPERTY_TIMEOUT = 5000 + RUNS * 5; // ~1 ms a run; head-room for slow CI machines
export const DAY = 86_400_000;
export const EPOCH = Date.UTC(2020, 0, 1);
export const REGISTRY_IDS = Object.keys(codesJson.codes);
export const ERRORS = [
	'empty',
	'bad-characters',
	'truncated',
	'corrupt',
	'newer-version',
	'unknown-version',
	'too-large',
	'invalid'
];

export const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
/** What a round trip must give back: same day (UTC), normalised names, `validated` only when true. */
export function atDayPrecision(p: SharedPortfolio): SharedPortfolio {
	const name = normalizeFirstName(p.firstName);
	return {
		...(name !== undefined ? { firstName: name } : {}),
		issuedAt: dayStart(p.issuedAt),
		competences: p.competences.map(({ validated, endorsedBy, ...c }) => ({
			...c,
			at: dayStart(c.at),
			...(validated ? { validated: true } : {}),
			...(endorsedBy
				? {
						endorsedBy: {
							coach: normalizeEndorser(endorsedBy.coach)!,
							structure: normalizeEndorser(endorsedBy.structure)!
						}
					}
				: {})
		}))
	};
}
export async function roundTrip(p: SharedPortfolio): Promise<DecodeResult> {
	return await decodePortfolio(encodePortfolio(p));
}
export const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
export const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

// --- hand-built frames, to reach the checks a real encoder never triggers ---
export function varint(v: number): number[] {
	const out: number[] = [];
	for (; v >= 0x80; v = Math.floor(v / 0x80)) out.push((v % 0x80) | 0x80);
	return [...out, v];
}
/** version | rest length | encoding | body | CRC-32, checksum made with node's own crc32. */
export function frame(body: ArrayLike<number>, { version = 1, encoding = 0 } = {}): string {
	const head = [version, ...varint(1 + body.length + 4), encoding, ...Array.from(body)];
	const crc = nodeCrc32(Uint8Array.from(head));
	return textOf(Uint8Array.from([...head, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]));
}
/** The plain body inside a link made by the encoder. */
export function bodyOf(link: string): number[] {
	const bytes = bytesOf(link);
	let i = 1;
	while (bytes[i]! >= 0x80) i++; // skip the rest-length varint
	const payload = bytes.subarray(i + 2, bytes.length - 4);
	return [...(bytes[i + 1] === 1 ? inflateSync(payload) : payload)];
}
export const utf8 = (s: string) => [...new TextEncoder().encode(s)];
/** flags=name, day 2000, the name, then one competence (code 1, level 2, today). */
export const bodyWithName = (name: string) => [
	1,
	...varint(2000),
	...varint(utf8(name).length),
	...utf8(name),
	1,
	1,
	2,
	0
];

export const issuedAt = Date.UTC(2025, 5, 14, 15, 30);
export const sample: SharedPortfolio = {
	firstName: 'Amina',
	issuedAt,
	competences: [
		{ id: 'listen-understand', level: 3, at: issuedAt - 3 * DAY },
		{ id: 'cook-for-many', level: 2, at: Date.UTC(2024, 11, 31, 23, 59) },
		{ id: 'bake-bread', level: 1, at: issuedAt } // from an imported pack: travels by id
	]
};

export const customId = fc
	.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.filter((id) => id.length <= 48 && !REGISTRY_IDS.includes(id));
export const portfolioArb: fc.Arbitrary<SharedPortfolio> = fc
	.record({
		firstName: fc.option(fc.string({ unit: 'grapheme', maxLength: 50 }), { nil: undefined }),
		issuedAt: fc.integer({ min: EPOCH, max: Date.UTC(2100, 0, 1) }),
		picks: fc.uniqueArray(
			fc.record({
				id: fc.oneof(fc.constantFrom(...REGISTRY_IDS), customId),
				level: fc.constantFrom(1, 2, 3),
				ago: fc.nat()
			}),
			{ selector: (c) => c.id, maxLength: 30 }
		)
	})
	.filter(({ firstName }) => !hasUnsafeText(normalizeFirstName(firstName) ?? ''))
	.map(({ firstName, issuedAt, picks }) => ({
		...(firstName !== undefined ? { firstName } : {}),
		issuedAt,
		competences: picks.map(({ id, level, ago }) => ({
			id,
			level: level as 1 | 2 | 3,
			at: issuedAt - (ago % (issuedAt - EPOCH + 1))
		}))
	}));

export function expectTyped(result: DecodeResult): void {
	if (!result.ok) expect(ERRORS).toContain(result.error);
}

// --- coach marks (version 2) ---
const endorserName = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 70 })
	.filter((s) => normalizeEndorser(s) !== undefined && !hasUnsafeText(normalizeEndorser(s)!));
export const endorsementArb = fc.record({
	coach: fc.oneof(fc.constantFrom('Claire Martin', 'Karim', 'Олена'), endorserName),
	structure: fc.oneof(fc.constantFrom('E2C Normandie', "CAP'Sport", 'La Cravate solidaire', 'Jean Bosco'), endorserName)
});
/** Portfolios where some competences carry coach marks, from a few endorsers (as in real life). */
export const endorsedPortfolioArb: fc.Arbitrary<SharedPortfolio> = fc
	.tuple(portfolioArb, fc.array(endorsementArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 30 }))
	.map(([p, endorsers, picks]) => ({
		...p,
		competences: p.competences.map((c, i) => {
			const pick = picks[i] ?? 0;
			const by = pick % 3 === 2 ? endorsers[pick % endorsers.length] : undefined;
			return { ...c, ...(pick % 2 ? { validated: true } : {}), ...(by ? { endorsedBy: by } : {}) };
		})
	}));
