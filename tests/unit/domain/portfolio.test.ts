import { describe, it, expect } from 'vitest';
import { compareIds, firstRows, groupByDomain, nextStep } from '../../../src/lib/domain/portfolio';
import type { Competence, Domain } from '../../../src/lib/domain/content-schema';
import type { CompetenceLevel } from '../../../src/lib/domain/scoring';

const domain = (id: string) => ({ id, pictogram: `p:${id}` }) as unknown as Domain;
const competence = (id: string, domainId: string) =>
	({ id, domain: domainId, pictogram: `p:${id}` }) as unknown as Competence;
const level = (id: string, value: 1 | 2 | 3): CompetenceLevel => ({
	competence: id,
	level: value,
	firstAt: 1,
	updatedAt: 2,
	evidenceCount: 1
});

const groups = groupByDomain(
	[domain('a'), domain('b'), domain('c')],
	[competence('a1', 'a'), competence('a2', 'a'), competence('b1', 'b'), competence('c1', 'c'), competence('c2', 'c')],
	new Map(['a1', 'a2', 'b1', 'c1', 'c2'].map((id) => [id, level(id, 2)]))
);
const ids = (gs: ReturnType<typeof firstRows>) =>
	gs.map((g) => `${g.domain.id}:${g.items.map((i) => i.competence.id)}`);

describe('firstRows', () => {
	it('keeps the first rows in order, cutting the group where the count ends', () => {
		expect(ids(firstRows(groups, 3))).toEqual(['a:a1,a2', 'b:b1']);
		expect(ids(firstRows(groups, 4))).toEqual(['a:a1,a2', 'b:b1', 'c:c1']);
		expect(ids(firstRows(groups, 1))).toEqual(['a:a1']);
	});

	it('gives nothing for 0 and everything for the total or more, the same group objects when whole', () => {
		expect(firstRows(groups, 0)).toEqual([]);
		expect(firstRows(groups, 5)).toEqual(groups);
		expect(firstRows(groups, 50)[1]).toBe(groups[1]);
	});
});

describe('nextStep', () => {
	it('keeps the step when it took the target time', () => {
		expect(nextStep(8, 30, 30, 24)).toBe(8);
	});

	it('grows a fast step and shrinks a slow one in proportion', () => {
		expect(nextStep(4, 15, 30, 24)).toBe(8);
		expect(nextStep(8, 60, 30, 24)).toBe(4);
	});

	it('changes at most fourfold at a time, and stays between 1 and the maximum', () => {
		expect(nextStep(2, 0, 30, 24)).toBe(8);
		expect(nextStep(16, 1000, 30, 24)).toBe(4);
		expect(nextStep(1, 1000, 30, 24)).toBe(1);
		expect(nextStep(20, 1, 30, 24)).toBe(24);
	});
});

describe('compareIds', () => {
	it('orders ids exactly as localeCompare does', () => {
		const ids = ['work-2', 'work', 'work-10', 'a1', 'a-1', 'a', 'b0-a', 'b-a0', 'z9', '9z', 'be-on-time', 'be-ontime'];
		expect([...ids].sort(compareIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
	});
});
