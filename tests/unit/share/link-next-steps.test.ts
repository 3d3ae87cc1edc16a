/**
 * Next steps agreed with a coach in the share link: an even-tag extension record, so a link
 * still opens in an Atouts that predates them (frozen version 1 decoder), and hostile records
 * refuse the whole link.
 */
import { describe, it, expect } from 'vitest';
import { decodePortfolio, encodePortfolio, type SharedPortfolio } from '../../../src/lib/share/link-codec';
import { MAX_LINK_STEPS, linkSteps, type SharedNextStep } from '../../../src/lib/share/link-next-steps';
import { decodePortfolio as decodeV1 } from '../../fixtures/links/link-codec-v1';
import { bodyOf, frame, sample, utf8, varint } from './share-fixtures';

const steps: SharedNextStep[] = [
	{ kind: 'job', text: 'Offre de commis de cuisine', date: '2026-12-01', coach: 'Claire Martin' },
	{ kind: 'training', text: 'Formation HACCP à Caen', date: '2027-01-15' },
	{ kind: 'contact', text: 'Appeler Mme Diallo, La Cravate solidaire', date: '2026-11-30' }
];
const withSteps: SharedPortfolio = { ...sample, nextSteps: steps };
const fail = (error: string) => ({ ok: false, error });

describe('next steps in the link', () => {
	it('round-trip, soonest first, with and without the coach named', async () => {
		const result = await decodePortfolio(encodePortfolio(withSteps));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.portfolio.nextSteps).toEqual([steps[2], steps[0], steps[1]]);
		expect(result.portfolio.competences.map((c) => c.id)).toEqual(sample.competences.map((c) => c.id));
	});

	it('no steps: no record, the same link as before', async () => {
		expect(encodePortfolio({ ...sample, nextSteps: [] })).toBe(encodePortfolio(sample));
		const result = await decodePortfolio(encodePortfolio(sample));
		expect(result.ok && result.portfolio.nextSteps).toBe(undefined);
	});

	it('an Atouts that predates next steps still opens the link, without them', () => {
		const result = decodeV1(encodePortfolio(withSteps));
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.portfolio.competences).toHaveLength(sample.competences.length);
	});

	it(`at most ${MAX_LINK_STEPS} travel, texts cut to their limits; a bad date or kind is a bug, not data`, async () => {
		const many = Array.from({ length: 9 }, (_, i) => ({
			kind: 'job' as const,
			text: `Piste ${i} ${'x'.repeat(300)}`,
			date: `2027-01-${String(10 + i).padStart(2, '0')}`
		}));
		const travelling = linkSteps(many);
		expect(travelling).toHaveLength(MAX_LINK_STEPS);
		expect([...travelling[0]!.text]).toHaveLength(200);
		const result = await decodePortfolio(encodePortfolio({ ...sample, nextSteps: many }));
		expect(result.ok && result.portfolio.nextSteps?.map((s) => s.date)).toEqual(travelling.map((s) => s.date));
		expect(() => encodePortfolio({ ...sample, nextSteps: [{ ...steps[0]!, date: '2026-02-30' }] })).toThrow(RangeError);
		const badKind = { ...steps[0]!, kind: 'party' } as unknown as SharedNextStep;
		expect(() => encodePortfolio({ ...sample, nextSteps: [badKind] })).toThrow(RangeError);
		expect(() => encodePortfolio({ ...sample, nextSteps: [{ ...steps[0]!, text: 'a\u202Eb' }] })).toThrow(RangeError);
		// a date before 2020 is a typing slip: clamped like the competences' dates
		const old = await decodePortfolio(
			encodePortfolio({ ...sample, nextSteps: [{ ...steps[0]!, date: '2019-05-01' }] })
		);
		expect(old.ok && old.portfolio.nextSteps?.[0]?.date).toBe('2020-01-01');
	});

	it('refuses damaged or hostile step records', async () => {
		const base = bodyOf(encodePortfolio(sample)); // a body without any extension record
		const text = (t: string) => [...varint(utf8(t).length), ...utf8(t)];
		const withRecord = (...payload: number[]) => frame([...base, 2, ...varint(payload.length), ...payload]);
		const step = (kind: number, day: number, t: string, coach = '') => [
			kind,
			...varint(day),
			...text(t),
			...text(coach)
		];
		const ok = await decodePortfolio(withRecord(1, ...step(1, 2500, 'Offre', 'Claire')));
		expect(ok.ok && ok.portfolio.nextSteps).toEqual([
			{ kind: 'job', text: 'Offre', date: '2026-11-05', coach: 'Claire' }
		]);
		expect(await decodePortfolio(withRecord(0))).toEqual(fail('invalid')); // an empty list is never written
		expect(await decodePortfolio(withRecord(6, ...Array.from({ length: 6 }, () => step(0, 1, 'a')).flat()))).toEqual(
			fail('invalid')
		);
		expect(await decodePortfolio(withRecord(1, ...step(3, 1, 'a')))).toEqual(fail('invalid')); // unknown kind
		expect(await decodePortfolio(withRecord(1, ...step(0, 100_001, 'a')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withRecord(1, ...step(0, 1, '')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withRecord(1, ...step(0, 1, ' padded')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withRecord(1, ...step(0, 1, 'a\u202Eb')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withRecord(1, ...step(0, 1, 'a', 'x'.repeat(61))))).toEqual(fail('invalid'));
		expect(await decodePortfolio(withRecord(1, ...step(0, 1, 'a'), 0))).toEqual(fail('invalid')); // trailing byte
		expect(await decodePortfolio(withRecord(1, 0, 1))).toEqual(fail('truncated'));
		const twice = [2, 8, ...[1, ...step(0, 1, 'a')], 2, 8, ...[1, ...step(0, 1, 'b')]];
		expect(await decodePortfolio(frame([...base, ...twice]))).toEqual(fail('invalid')); // one list, never two
	});
});
