/** The shipped "socle" pack, read from its files as content:check reads it. */
import { describe, it, expect } from 'vitest';
import { readPackDir, resolvePictogram } from '../../../scripts/lib/pack-dir';
import { pictogramRefs, validatePack } from '../../../src/lib/content/pack-validator';
import type { Pack } from '../../../src/lib/domain/content-schema';

const raw = readPackDir('src/lib/content/packs/socle');
const refs = pictogramRefs(raw as Parameters<typeof pictogramRefs>[0]);
const known = new Set(refs.map((r) => r.ref).filter((ref) => typeof ref === 'string' && resolvePictogram(ref)));
const result = validatePack(raw, { knownPictograms: known, languages: ['fr', 'en', 'ar'] });

function shipped(): Pack {
	if (!result.ok) throw new Error('the shipped pack is invalid');
	return result.pack;
}

describe('shipped pack "socle"', () => {
	it('is valid and complete in fr, en and ar, with every pictogram resolvable', () => {
		const problems = result.ok ? [] : result.problems.slice(0, 20);
		expect(problems).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('uses pictograms that all exist in the icon set', () => {
		const missing = refs.filter((r) => !resolvePictogram(r.ref)).map((r) => `${r.path}: ${r.ref}`);
		expect(missing).toEqual([]);
	});

	it('has at least 30 experiences, 60 competences, 150 cards of which 40 situational', () => {
		const pack = shipped();
		expect(pack.experiences.length).toBeGreaterThanOrEqual(30);
		expect(pack.competences.length).toBeGreaterThanOrEqual(60);
		expect(pack.cards.length).toBeGreaterThanOrEqual(150);
		expect(pack.cards.filter((c) => c.kind === 'situation').length).toBeGreaterThanOrEqual(40);
	});

	it('covers all 7 CléA domains', () => {
		const domains = new Set(shipped().competences.flatMap((c) => c.clea.map((a) => a.domain)));
		expect([...domains].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('covers all 14 savoir-être professionnels', () => {
		const covered = new Set(shipped().competences.flatMap((c) => c.savoirEtre));
		expect([...covered].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
	});

	it('asks about every competence: each has at least one card', () => {
		const pack = shipped();
		const asked = new Set(
			pack.cards.flatMap((c) => (c.kind === 'self' ? [c.competence] : c.answers.flatMap((a) => Object.keys(a.weights))))
		);
		expect(pack.competences.map((c) => c.id).filter((id) => !asked.has(id))).toEqual([]);
	});
});
