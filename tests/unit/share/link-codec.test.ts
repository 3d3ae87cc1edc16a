import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import {
	decodePortfolio,
	encodePortfolio,
	portfolioLink,
	readPortfolioFragment,
	type SharedPortfolio
} from '../../../src/lib/share/link-codec';
import {
	DAY,
	EPOCH,
	PROPERTY_TIMEOUT,
	REGISTRY_IDS,
	RUNS,
	atDayPrecision,
	bodyOf,
	dayStart,
	expectTyped,
	frame,
	issuedAt,
	portfolioArb,
	roundTrip,
	sample,
	textOf
} from './share-fixtures';
import { counted } from '../resilience/fc-runs';

describe('round trip', () => {
	it('keeps a portfolio at day precision (UTC), including out-of-registry ids', async () => {
		const back = await roundTrip(sample);
		expect(back).toEqual({ ok: true, portfolio: atDayPrecision(sample) });
		if (back.ok) expect(back.portfolio.competences[1]!.at).toBe(Date.UTC(2024, 11, 31));
	});

	it.each(['Amina', 'أمينة', 'Олександра', 'Zoë-Anne', '  Lina  '])('keeps the first name %s', async (firstName) => {
		expect(await roundTrip({ ...sample, firstName })).toEqual({
			ok: true,
			portfolio: atDayPrecision({ ...sample, firstName })
		});
	});

	it('works without a first name, without competences, and cuts long names to 40 characters', async () => {
		const { firstName: _, ...anonymous } = sample;
		expect(await roundTrip(anonymous)).toEqual({ ok: true, portfolio: atDayPrecision(anonymous) });
		expect(await roundTrip({ issuedAt, competences: [] })).toEqual({
			ok: true,
			portfolio: { issuedAt: dayStart(issuedAt), competences: [] }
		});
		const long = await roundTrip({ ...sample, firstName: 'é'.repeat(60) });
		expect(long.ok && long.portfolio.firstName).toBe('é'.repeat(40));
	});

	it('clamps dates a wrong clock put after issuedAt or before 2020', async () => {
		const p = {
			issuedAt,
			competences: [
				{ id: 'phone-call', level: 1 as const, at: issuedAt + 9 * DAY },
				{ id: 'sew-make', level: 2 as const, at: 0 }
			]
		};
		const back = await roundTrip(p);
		expect(back.ok && back.portfolio.competences.map((c) => c.at)).toEqual([dayStart(issuedAt), EPOCH]);
	});

	it('refuses to encode what the app should never hold', () => {
		const one = (id: string, level = 1) => ({ issuedAt, competences: [{ id, level: level as 1, at: issuedAt }] });
		expect(() => encodePortfolio(one('Bad_Id'))).toThrow(RangeError);
		expect(() => encodePortfolio(one('phone-call', 4))).toThrow(RangeError);
		expect(() => encodePortfolio({ ...sample, firstName: 'Ana\u202Emoc.exe' })).toThrow(RangeError);
		expect(() => encodePortfolio({ ...sample, competences: [...sample.competences, sample.competences[0]!] })).toThrow(
			RangeError
		);
	});

	it.each([
		['compressible ids (the 16 KiB body cap binds)', (i: number) => `imported-competence-${i}`],
		['incompressible ids (the 4096-character cap binds)', (i: number) => `x${((i + 1) * 2654435761) % 2 ** 32}`]
	])('refuses a portfolio too big to share, so every link it makes decodes: %s', async (_, idOf) => {
		const many = (n: number) => ({
			issuedAt,
			competences: Array.from({ length: n }, (_, i) => ({ id: idOf(i), level: 1 as const, at: issuedAt }))
		});
		const fits = (n: number) => {
			try {
				return encodePortfolio(many(n)).length > 0;
			} catch {
				return false;
			}
		};
		expect(fits(5000)).toBe(false);
		let [lo, hi] = [0, 5000]; // the largest n that fits lies in [lo, hi)
		while (hi - lo > 1) [lo, hi] = fits((lo + hi) >> 1) ? [(lo + hi) >> 1, hi] : [lo, (lo + hi) >> 1];
		const largest = encodePortfolio(many(lo));
		expect(largest.length).toBeLessThanOrEqual(4096);
		expect(await decodePortfolio(largest)).toEqual({ ok: true, portfolio: atDayPrecision(many(lo)) });
	});
});

describe('properties', () => {
	it(
		'any valid portfolio round-trips at day precision',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					portfolioArb,
					async (p) => void expect(await roundTrip(p)).toEqual({ ok: true, portfolio: atDayPrecision(p) })
				),
				counted(RUNS)
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'any string gives a portfolio or a typed error, never a throw',
		async () => {
			const text = fc.oneof(
				fc.string(),
				fc.string({ unit: 'binary' }),
				fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/),
				fc.uint8Array().map(textOf)
			);
			await fc.assert(
				fc.asyncProperty(text, async (t) => expectTyped(await decodePortfolio(t))),
				counted(RUNS)
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'any body behind a valid checksum is decoded or refused, and what decodes re-encodes to the same',
		async () => {
			const body = fc.oneof(
				fc.uint8Array({ maxLength: 200 }),
				// A real body with one byte changed reaches deep into the parser.
				fc
					.tuple(portfolioArb, fc.nat(), fc.integer({ min: 0, max: 255 }))
					.map(([p, at, value]) => bodyOf(encodePortfolio(p)).map((b, i, all) => (i === at % all.length ? value : b)))
			);
			await fc.assert(
				fc.asyncProperty(body, fc.constantFrom(0, 1), async (b, encoding) => {
					const result = await decodePortfolio(frame(encoding ? deflateSync(Uint8Array.from(b)) : b, { encoding }));
					expectTyped(result);
					if (result.ok) expect(await roundTrip(result.portfolio)).toEqual(result);
				}),
				counted(RUNS)
			);
		},
		PROPERTY_TIMEOUT
	);
});

describe('budget', () => {
	it('60 competences, a year of dates and a first name fit a 600-character link', async () => {
		const issued = Date.UTC(2026, 2, 10);
		const p: SharedPortfolio = {
			firstName: 'Oleksandra',
			issuedAt: issued,
			competences: REGISTRY_IDS.slice(0, 60).map((id, i) => ({
				id,
				level: (1 + ((i * 7) % 3)) as 1,
				at: issued - Math.round((i * 365) / 59) * DAY
			}))
		};
		const link = portfolioLink('https://atouts.example/', p);
		console.log(`share link for 60 competences: ${link.length} characters`);
		expect(link.length).toBeLessThanOrEqual(600);
		expect(await readPortfolioFragment(new URL(link).hash)).toEqual({ ok: true, portfolio: atDayPrecision(p) });
	});
});

describe('link and fragment', () => {
	it('builds /share#p= and reads it back from location.hash', async () => {
		const link = portfolioLink('https://atouts.example', sample);
		expect(link.startsWith('https://atouts.example/share#p=')).toBe(true);
		const hash = new URL(link).hash;
		expect(await readPortfolioFragment(hash)).toEqual(await roundTrip(sample));
		expect(await readPortfolioFragment(`#lang=uk&${hash.slice(1)}`)).toEqual(await roundTrip(sample));
		expect(await readPortfolioFragment('')).toEqual({ ok: false, error: 'empty' });
		expect(await readPortfolioFragment('#x=1')).toEqual({ ok: false, error: 'empty' });
	});
});
