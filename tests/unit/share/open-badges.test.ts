import { describe, it, expect } from 'vitest';
import * as z from 'zod/mini';
import rawCompetences from '../../../src/lib/content/packs/socle/competences.json';
import frStrings from '../../../src/lib/content/packs/socle/strings/fr/competences.json';
import { CompetenceSchema, type Competence } from '../../../src/lib/domain/content-schema';
import { hasHiddenControl } from '../../../src/lib/domain/text-safety';
import {
	BADGE_MIME,
	EndorsementCredentialSchema,
	NEUTRAL_HOLDER,
	OB_CONTEXT,
	OpenBadgeCredentialSchema,
	VC_CONTEXT,
	badgesFile,
	competenceBadge,
	type BadgeInput,
	type OpenBadgeCredential
} from '../../../src/lib/share/open-badges';
import { OB_TERMS, undefinedTerms } from './ob-terms';

const competences: Competence[] = rawCompetences.map((c) => CompetenceSchema.parse(c));
const fr = frStrings as Record<string, string>;
const byId = (id: string): Competence => {
	const c = competences.find((x) => x.id === id);
	if (!c) throw new Error(`no competence ${id}`);
	return c;
};
const counter = () => {
	let n = 0;
	return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};
// A real 1×1 PNG, small enough to embed.
const photo =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const AT = Date.UTC(2025, 2, 14, 9, 30);
const NOW = Date.UTC(2025, 5, 1);
function input(id: string, level: 1 | 2 | 3, extra: Partial<BadgeInput> = {}): BadgeInput {
	return {
		competence: byId(id),
		frenchTitle: fr[`competence.${id}.title`] ?? '',
		frenchStatement: fr[`competence.${id}.level.${level}`] ?? '',
		level,
		at: AT,
		now: NOW,
		uuid: counter(),
		...extra
	};
}
const alignments = (b: OpenBadgeCredential) =>
	(b.credentialSubject.achievement as { alignment: Record<string, string>[] }).alignment;
const valid = (v: unknown) => z.safeParse(OpenBadgeCredentialSchema, v).success;
const evidenceOf = (extra: Partial<BadgeInput>) =>
	competenceBadge(input('first-aid', 2, extra)).evidence as Record<string, unknown>[];
const allStrings = (v: unknown): string[] =>
	typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(allStrings) : [];

describe('competenceBadge', () => {
	it('builds a valid, self-asserted OB 3.0 credential from a real pack competence', () => {
		const badge = competenceBadge(input('first-aid', 2));
		expect(valid(badge)).toBe(true);
		expect(badge['@context']).toEqual([VC_CONTEXT, OB_CONTEXT]);
		expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(badge.id).toBe('urn:uuid:00000000-0000-4000-8000-000000000001');
		expect(badge.issuer).toEqual({ id: badge.credentialSubject.id, type: ['Profile'], name: NEUTRAL_HOLDER });
		expect(badge.validFrom).toBe('2025-03-14T09:30:00.000Z');
		expect(badge.awardedDate).toBe('2025-06-01T00:00:00.000Z');
		const a = badge.credentialSubject.achievement as Record<string, unknown>;
		expect(a.name).toBe(fr['competence.first-aid.title']);
		expect(a.description).toBe(fr['competence.first-aid.level.2']);
		expect(a.achievementType).toBe('Competency');
		expect((a.criteria as { narrative: string }).narrative).toMatch(/Niveau 2 sur 3.*ANLCI/);
		expect(badge.credentialSubject.result).toEqual([{ type: ['Result'], value: '2/3' }]);
		expect(badge.evidence).toBeUndefined();
	});

	it('aligns to the CléA sub-domain, each savoir-être and the ROME label', () => {
		expect(byId('first-aid')).toMatchObject({ clea: [{ domain: 7, sub: '7.3' }], savoirEtre: [14, 2] });
		const [clea, se14, se2, rome, ...rest] = alignments(competenceBadge(input('first-aid', 3)));
		expect(rest).toEqual([]);
		expect(clea).toMatchObject({
			type: ['Alignment'],
			targetFramework: 'CléA',
			targetUrl: 'https://www.certificat-clea.fr/',
			targetCode: '7.3',
			targetName: "Être capable d'appliquer des gestes de premier secours",
			targetDescription: expect.stringMatching(/^Domaine 7 : Maîtrise des gestes et postures/)
		});
		expect(se14).toMatchObject({
			targetName: 'Réactivité',
			targetCode: '14',
			targetUrl: 'https://www.francetravail.fr/'
		});
		expect(se2).toMatchObject({
			targetName: 'Gestion du stress',
			targetFramework: 'France Travail — savoir-être professionnels'
		});
		expect(rome).toMatchObject({ targetFramework: 'ROME 4.0', targetName: 'Faire preuve de réactivité' });
		expect(rome).not.toHaveProperty('targetCode');
	});

	it('falls back to the domain name for a domain-only CléA link, and keeps a ROME code when given', () => {
		const [clea] = alignments(competenceBadge(input('work-in-team', 1)));
		expect(clea).toMatchObject({
			targetCode: '4',
			targetName: expect.stringMatching(/^Aptitude à travailler dans le cadre/)
		});
		const coded = { ...byId('work-in-team'), rome: [{ label: 'Travailler en équipe', code: 'K1302' }] };
		const rome = alignments(competenceBadge({ ...input('work-in-team', 1), competence: coded })).at(-1);
		expect(rome).toMatchObject({ targetName: 'Travailler en équipe', targetCode: 'K1302' });
	});

	it('gives a valid badge for every competence of the pack at every level', () => {
		for (const c of competences)
			for (const level of [1, 2, 3] as const) {
				expect(fr[`competence.${c.id}.level.${level}`], c.id).toMatch(/^J/);
				const badge = competenceBadge(input(c.id, level));
				expect(z.safeParse(OpenBadgeCredentialSchema, badge).error, c.id).toBeUndefined();
				expect(undefinedTerms(badge), c.id).toEqual([]);
				expect(alignments(badge)).toHaveLength(c.clea.length + c.savoirEtre.length + c.rome.length);
			}
	});

	it('is deterministic when uuid and now are injected', () => {
		const a = competenceBadge(input('count-money', 2, { holderName: 'Awa' }));
		const b = competenceBadge(input('count-money', 2, { holderName: 'Awa' }));
		expect(a).toEqual(b);
		expect(badgesFile([a])).toBe(badgesFile([b]));
		const holderId = 'urn:uuid:11111111-2222-4333-8444-555555555555';
		const c = competenceBadge({ ...input('count-money', 2), uuid: undefined, now: undefined, holderId });
		const d = competenceBadge({ ...input('count-money', 2), uuid: undefined, now: undefined, holderId });
		expect(c.id).not.toBe(d.id);
		expect(c.issuer).toEqual(d.issuer);
	});

	it('keeps markup as plain text and never writes a raw "<" into the file', () => {
		const name = '<script>alert(1)</script> & co';
		const badge = competenceBadge(input('listen-understand', 1, { holderName: name }));
		expect((badge.issuer as { name: string }).name).toBe(name);
		const file = badgesFile([badge]);
		expect(file).not.toMatch(/[<>&]/);
		expect(JSON.parse(file)).toEqual(badge);
	});

	it('strips bidi overrides and control characters rather than refusing the name', () => {
		const badge = competenceBadge(
			input('listen-understand', 1, {
				holderName: 'Ali\u202Egnp.exe\u2066\u0007',
				evidence: [{ name: 'Photo\u202E', description: 'Au\u0000 travail' }]
			})
		);
		expect((badge.issuer as { name: string }).name).toBe('Ali gnp.exe');
		for (const s of allStrings(badge)) expect(hasHiddenControl(s), JSON.stringify(s)).toBe(false);
		const blank = competenceBadge(input('listen-understand', 1, { holderName: '\u202E \u2069' }));
		expect((blank.issuer as { name: string }).name).toBe(NEUTRAL_HOLDER);
	});

	it('refuses impossible input', () => {
		expect(() => competenceBadge(input('first-aid', 2, { at: Number.NaN }))).toThrow(RangeError);
		expect(() => competenceBadge(input('first-aid', 4 as 1))).toThrow(RangeError);
		expect(() => competenceBadge(input('first-aid', 2, { holderId: 'javascript:alert(1)' }))).toThrow(RangeError);
	});
});

describe('evidence and endorsements', () => {
	it('leaves media out by default and says where the photo is kept', () => {
		const [ev] = evidenceOf({
			evidence: [{ name: 'Ma photo', description: 'Au stage', kind: 'photo', dataUri: photo }]
		});
		expect(ev).not.toHaveProperty('id');
		expect(ev).toMatchObject({ type: ['Evidence'], name: 'Ma photo', genre: 'Photographie' });
		expect(ev?.narrative).toMatch(/gardée par la personne/);
	});

	it('embeds a small image or audio data: URI only when asked, never other kinds or big ones', () => {
		const ev = (dataUri: string) =>
			evidenceOf({ embedMedia: true, evidence: [{ name: 'P', description: 'D', kind: 'photo', dataUri }] })[0];
		expect(ev(photo)?.id).toBe(photo);
		expect(ev(photo)).not.toHaveProperty('narrative');
		expect(ev('data:text/html;base64,PHNjcmlwdD4=')).not.toHaveProperty('id');
		expect(ev(`data:image/png;base64,${'A'.repeat(60_000)}`)).not.toHaveProperty('id');
	});

	it('keeps endorsements as unsigned EndorsementCredentials about this badge', () => {
		const badge = competenceBadge(
			input('first-aid', 2, {
				endorsements: [{ name: 'Mme Diallo', structure: 'Mission locale', date: NOW, comment: 'Vu en stage.' }]
			})
		);
		const [e] = badge.endorsement as Record<string, unknown>[];
		expect(z.safeParse(EndorsementCredentialSchema, e).success).toBe(true);
		expect(e?.credentialSubject).toEqual({
			id: badge.id,
			type: ['EndorsementSubject'],
			endorsementComment: 'Vu en stage.'
		});
		expect(e?.issuer).toMatchObject({ name: 'Mme Diallo', parentOrg: { type: ['Profile'], name: 'Mission locale' } });
	});
});

describe('JSON-LD terms and the download file', () => {
	it('loads the official OB 3.0.3 context', () => {
		expect(OB_TERMS).toHaveProperty('Achievement');
		expect(undefinedTerms({ type: ['Achievement'], achievementTyp: 'x' })).toEqual(['$.achievementTyp']);
		expect(undefinedTerms({ type: ['Alignment'], achievementType: 'x' })).toEqual(['$.achievementType']);
	});

	it('uses only terms defined by the OB 3.0.3 and VC 2.0 contexts', () => {
		const badge = competenceBadge(
			input('first-aid', 3, {
				holderName: 'Awa',
				embedMedia: true,
				evidence: [
					{ name: 'P', description: 'D', kind: 'voice', narrative: 'Oral' },
					{ name: 'Q', description: 'E', kind: 'photo', dataUri: photo }
				],
				endorsements: [{ name: 'A', structure: 'B', date: NOW, comment: 'C' }]
			})
		);
		expect(undefinedTerms(badge)).toEqual([]);
		expect(undefinedTerms(JSON.parse(badgesFile([badge, badge])))).toEqual([]);
	});

	it('writes one credential as itself and several as an unsigned presentation', () => {
		expect(BADGE_MIME).toBe('application/ld+json');
		const a = competenceBadge(input('first-aid', 1));
		const b = competenceBadge(input('count-money', 2));
		expect(JSON.parse(badgesFile([a]))).toEqual(a);
		const vp = JSON.parse(badgesFile([a, b])) as Record<string, unknown>;
		expect(vp).toEqual({ '@context': [VC_CONTEXT], type: ['VerifiablePresentation'], verifiableCredential: [a, b] });
		expect(badgesFile([a])).toContain('\n\t"@context"');
	});

	it('rejects credentials whose contexts or issuer are wrong', () => {
		const good = competenceBadge(input('first-aid', 2));
		expect(valid({ ...good, '@context': [OB_CONTEXT, VC_CONTEXT] })).toBe(false);
		expect(valid({ ...good, issuer: { id: 'urn:x:1', type: ['Person'] } })).toBe(false);
		expect(valid({ ...good, validFrom: '14/03/2025' })).toBe(false);
		expect(valid({ ...good, type: ['VerifiableCredential'] })).toBe(false);
	});
});
