/**
 * Version 2 of the share link: coach marks (validated together, named endorsement). Links
 * made by version 1 must still decode: they are checked against a FROZEN copy of the
 * version 1 encoder (tests/fixtures/links/link-codec-v1.ts), not against today's encoder.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	decodePortfolio,
	encodePortfolio,
	portfolioLink,
	type SharedPortfolio
} from '../../../src/lib/share/link-codec';
import { STRUCTURES } from '../../../src/lib/share/structures';
import { encodePortfolio as encodeV1 } from '../../fixtures/links/link-codec-v1';
import {
	DAY,
	PROPERTY_TIMEOUT,
	REGISTRY_IDS,
	RUNS,
	atDayPrecision,
	bodyOf,
	bytesOf,
	endorsedPortfolioArb,
	expectTyped,
	frame,
	issuedAt,
	portfolioArb,
	roundTrip,
	sample,
	utf8,
	varint
} from './share-fixtures';

const fail = (error: string) => ({ ok: false, error });
const endorsed: SharedPortfolio = {
	...sample,
	competences: [
		{ ...sample.competences[0]!, validated: true, endorsedBy: { coach: 'Claire Martin', structure: 'E2C Normandie' } },
		{ ...sample.competences[1]!, validated: true },
		{ ...sample.competences[2]!, endorsedBy: { coach: 'Yanis', structure: 'Mission locale de Caen' } }
	]
};

describe('coach marks in the link (version 2)', () => {
	it('round-trips validated marks and named endorsements, known and other structures', async () => {
		expect(await roundTrip(endorsed)).toEqual({ ok: true, portfolio: atDayPrecision(endorsed) });
		const back = await roundTrip(endorsed);
		expect(back.ok && back.portfolio.competences.map((c) => [c.validated, c.endorsedBy?.structure])).toEqual([
			[true, 'E2C Normandie'],
			[true, undefined],
			[undefined, 'Mission locale de Caen']
		]);
	});

	it('writes version 2 only when a coach mark is there, version 1 otherwise', () => {
		expect(bytesOf(encodePortfolio(endorsed))[0]).toBe(2);
		expect(bytesOf(encodePortfolio(sample))[0]).toBe(1);
		// validated: false is no mark at all
		const unmarked = { ...sample, competences: sample.competences.map((c) => ({ ...c, validated: false })) };
		expect(bytesOf(encodePortfolio(unmarked))[0]).toBe(1);
		expect(encodePortfolio(unmarked)).toBe(encodePortfolio(sample));
	});

	it('carries a known structure as its code and another one by name', () => {
		const body = bodyOf(encodePortfolio(endorsed));
		const text = String.fromCharCode(...body);
		expect(text).not.toContain('E2C Normandie');
		expect(text).toContain('Mission locale de Caen');
		expect(new Set(STRUCTURES.map((s) => s.code)).size).toBe(STRUCTURES.length);
	});

	it('refuses to encode an endorsement with an unsafe or empty name', () => {
		const one = (coach: string, structure = 'E2C Normandie') => ({
			issuedAt,
			competences: [{ id: 'phone-call', level: 2 as const, at: issuedAt, endorsedBy: { coach, structure } }]
		});
		expect(() => encodePortfolio(one('Ana\u202Emoc'))).toThrow(RangeError);
		expect(() => encodePortfolio(one('  '))).toThrow(RangeError);
		expect(() => encodePortfolio(one('Ana', '<script>'))).toThrow(RangeError);
	});

	it('refuses damaged or hostile coach sections', async () => {
		// flags = coach marks, day 100, one competence (code 1, level 2, today), then the coach section
		const withCoach = (...section: number[]) => frame([2, ...varint(100), 1, 1, 2, 0, ...section], { version: 2 });
		const named = (name: string) => [...varint(utf8(name).length), ...utf8(name)];
		expect((await decodePortfolio(withCoach(1, 1, ...named('Claire'), 3))).ok).toBe(true);
		expect((await decodePortfolio(withCoach(1, 0, ...named('Asso'), ...named('Claire'), 2))).ok).toBe(true);
		expect(await decodePortfolio(withCoach(1, 1, ...named('Claire'), 5))).toEqual(fail('invalid')); // endorser 2 of 1
		expect(await decodePortfolio(withCoach(0, ...varint(2 ** 32 - 1)))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withCoach(1, 99, ...named('Claire'), 3))).toEqual(fail('newer-version')); // structure code
		expect(await decodePortfolio(withCoach(1, 1, ...named('Ana\u202Emoc'), 3))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withCoach(1, 1, ...named(' Claire'), 3))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withCoach(1, 1, ...named('x'.repeat(61)), 3))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withCoach(33))).toEqual(fail('invalid')); // too many endorsers
		expect(await decodePortfolio(withCoach(1, 1, ...named('Claire')))).toEqual(fail('truncated')); // no mark
		expect(await decodePortfolio(withCoach(1, 1, ...varint(241)))).toEqual(fail('invalid')); // name longer than the cap
		// the coach flag in a version 1 frame is a newer layout, as version 1 apps say
		expect(await decodePortfolio(frame([2, ...varint(100), 1, 1, 2, 0, 0, 1]))).toEqual(fail('newer-version'));
	});
});

describe('version 1 links still decode', () => {
	it('a link made by version 1 reads the same today', async () => {
		const link = encodeV1(sample);
		expect(bytesOf(link)[0]).toBe(1);
		expect(await decodePortfolio(link)).toEqual({ ok: true, portfolio: atDayPrecision(sample) });
	});

	it(
		'property: any portfolio version 1 encoded decodes to the same portfolio',
		async () => {
			await fc.assert(
				fc.asyncProperty(portfolioArb, async (p) => {
					const result = await decodePortfolio(encodeV1(p));
					expect(result).toEqual({ ok: true, portfolio: atDayPrecision(p) });
				}),
				{ numRuns: RUNS }
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'property: without coach marks the link is byte for byte what version 1 made',
		() => {
			fc.assert(
				fc.property(portfolioArb, (p) => void expect(encodePortfolio(p)).toBe(encodeV1(p))),
				{ numRuns: RUNS }
			);
		},
		PROPERTY_TIMEOUT
	);
});

describe('properties with coach marks', () => {
	it(
		'any portfolio with coach marks round-trips',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					endorsedPortfolioArb,
					async (p) => void expect(await roundTrip(p)).toEqual({ ok: true, portfolio: atDayPrecision(p) })
				),
				{ numRuns: RUNS }
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'any version 2 body behind a valid checksum decodes or is refused, and what decodes re-encodes the same',
		async () => {
			const body = fc
				.tuple(endorsedPortfolioArb, fc.nat(), fc.integer({ min: 0, max: 255 }))
				.map(([p, at, value]) => bodyOf(encodePortfolio(p)).map((b, i, all) => (i === at % all.length ? value : b)));
			await fc.assert(
				fc.asyncProperty(body, async (b) => {
					const result = await decodePortfolio(frame(b, { version: 2 }));
					expectTyped(result);
					if (result.ok) expect(await roundTrip(result.portfolio)).toEqual(result);
				}),
				{ numRuns: RUNS }
			);
		},
		PROPERTY_TIMEOUT
	);
});

describe('budget', () => {
	const issued = Date.UTC(2026, 2, 10);
	const sixty = (mark: (i: number) => Partial<SharedPortfolio['competences'][number]>): SharedPortfolio => ({
		firstName: 'Oleksandra',
		issuedAt: issued,
		competences: REGISTRY_IDS.slice(0, 60).map((id, i) => ({
			id,
			level: (1 + ((i * 7) % 3)) as 1,
			at: issued - Math.round((i * 365) / 59) * DAY,
			...mark(i)
		}))
	});

	it('60 competences: ≤ 600 characters without endorsements, and the length with one on each', async () => {
		const plain = portfolioLink(
			'https://atouts.example/',
			sixty(() => ({}))
		);
		const oneCoach = portfolioLink(
			'https://atouts.example/',
			sixty(() => ({ validated: true, endorsedBy: { coach: 'Claire Martin', structure: 'E2C Normandie' } }))
		);
		const fourCoaches = portfolioLink(
			'https://atouts.example/',
			sixty((i) => ({
				validated: true,
				endorsedBy: [
					{ coach: 'Claire Martin', structure: 'E2C Normandie' },
					{ coach: 'Yanis Belkacem', structure: "CAP'Sport" },
					{ coach: 'Sophie Lemarchand', structure: 'La Cravate solidaire' },
					{ coach: 'Thomas Duval', structure: 'Mission locale de Caen la mer' }
				][i % 4]
			}))
		);
		console.log(
			`share link for 60 competences: ${plain.length} characters; endorsed on all 60 by one coach: ` +
				`${oneCoach.length}; by four coaches in turn: ${fourCoaches.length}`
		);
		expect(plain.length).toBeLessThanOrEqual(600);
		expect(oneCoach.length).toBeLessThanOrEqual(600);
		expect(fourCoaches.length).toBeGreaterThan(plain.length);
		for (const link of [oneCoach, fourCoaches]) expect((await decodePortfolio(link.split('#p=')[1]!)).ok).toBe(true);
	});
});
