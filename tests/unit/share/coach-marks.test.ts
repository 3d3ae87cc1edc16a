/** A coach's review as the link, the PDF and Open Badges carry it. */
import { describe, it, expect } from 'vitest';
import * as z from 'zod/mini';
import rawCompetences from '../../../src/lib/content/packs/socle/competences.json';
import { CompetenceSchema } from '../../../src/lib/domain/content-schema';
import type { CoachNote } from '../../../src/lib/domain/records';
import {
	badgeCoachEvidence,
	badgeEndorsements,
	linkMarks,
	notesFromLink,
	pdfEndorsements,
	stepsFromLink
} from '../../../src/lib/share/coach-marks';
import { decodePortfolio, encodePortfolio } from '../../../src/lib/share/link-codec';
import {
	EndorsementCredentialSchema,
	OpenBadgeCredentialSchema,
	badgesFile,
	competenceBadge
} from '../../../src/lib/share/open-badges';
import { undefinedTerms } from './ob-terms';

const AT = Date.UTC(2026, 9, 3, 10);
const note = (extra: Partial<CoachNote> = {}): CoachNote => ({
	profileId: 'p1',
	competence: 'first-aid',
	validated: true,
	comment: 'A su réagir pendant l’exercice.',
	endorsement: { coach: 'Claire Martin', structure: 'E2C Normandie' },
	at: AT,
	...extra
});
const competence = CompetenceSchema.parse(rawCompetences.find((c) => c.id === 'first-aid'));
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const badge = (coach: CoachNote | undefined) =>
	competenceBadge({
		competence,
		frenchTitle: 'Faire les gestes de premiers secours',
		frenchStatement: 'Je fais les gestes seul.',
		level: 2,
		at: AT,
		now: AT,
		uuid,
		endorsements: badgeEndorsements(coach),
		evidence: badgeCoachEvidence(coach, '3 octobre 2026')
	});

describe('Open Badges 3.0', () => {
	it('a named endorsement is an unsigned EndorsementCredential from the coach and the structure', () => {
		const credential = badge(note());
		expect(z.safeParse(OpenBadgeCredentialSchema, credential).success).toBe(true);
		const [endorsement, ...rest] = credential.endorsement as Record<string, unknown>[];
		expect(rest).toEqual([]);
		expect(z.safeParse(EndorsementCredentialSchema, endorsement).success).toBe(true);
		expect(endorsement).toMatchObject({
			type: ['VerifiableCredential', 'EndorsementCredential'],
			issuer: { type: ['Profile'], name: 'Claire Martin', parentOrg: { type: ['Profile'], name: 'E2C Normandie' } },
			validFrom: new Date(AT).toISOString(),
			credentialSubject: {
				id: credential.id,
				type: ['EndorsementSubject'],
				endorsementComment: 'A su réagir pendant l’exercice.'
			}
		});
		expect(undefinedTerms(credential)).toEqual([]);
		expect(undefinedTerms(JSON.parse(badgesFile([credential, badge(note())])))).toEqual([]);
	});

	it('validated without a name goes in the evidence, still from the coach; nothing without a mark', () => {
		const unnamed = badge(note({ endorsement: undefined }));
		expect(unnamed.endorsement).toBeUndefined();
		expect(unnamed.evidence).toEqual([
			expect.objectContaining({ type: ['Evidence'], name: expect.stringMatching(/conseill/) })
		]);
		expect(undefinedTerms(unnamed)).toEqual([]);
		const commentOnly = badge(note({ validated: false, endorsement: undefined }));
		expect(commentOnly.endorsement).toBeUndefined();
		expect(commentOnly.evidence).toBeUndefined();
		expect(JSON.stringify(commentOnly)).not.toContain('exercice');
	});

	it('an endorsement without a comment still says what was validated', () => {
		const [e] = badge(note({ comment: undefined })).endorsement as { credentialSubject: Record<string, string> }[];
		expect(e!.credentialSubject.endorsementComment).toMatch(/validée ensemble/);
	});
});

describe('PDF and link', () => {
	it('the PDF names the coach and the structure, or an unnamed coach, and keeps the comment', () => {
		expect(pdfEndorsements(note(), 'un conseiller')).toEqual([
			{ by: 'Claire Martin', role: 'E2C Normandie', at: AT, note: 'A su réagir pendant l’exercice.' }
		]);
		expect(pdfEndorsements(note({ endorsement: undefined, comment: undefined }), 'un conseiller')).toEqual([
			{ by: 'un conseiller', at: AT }
		]);
		expect(pdfEndorsements(note({ validated: false, endorsement: undefined }), 'x')).toEqual([]);
		expect(pdfEndorsements(undefined, 'x')).toEqual([]);
	});

	it('the link carries the marks but never the comment', async () => {
		const link = encodePortfolio({
			issuedAt: AT,
			competences: [{ id: 'first-aid', level: 2, at: AT, ...linkMarks(note()) }]
		});
		const back = await decodePortfolio(link);
		expect(back.ok && back.portfolio.competences[0]).toMatchObject({
			validated: true,
			endorsedBy: { coach: 'Claire Martin', structure: 'E2C Normandie' }
		});
		expect(JSON.stringify(back)).not.toContain('exercice');
		expect(linkMarks(note({ validated: false, endorsement: undefined }))).toEqual({});
	});

	it('saving a link adds its marks to this profile, keeping a comment already here', () => {
		const here: CoachNote[] = [{ profileId: 'me', competence: 'cook', validated: false, comment: 'Mon mot', at: 1 }];
		const notes = notesFromLink(
			'me',
			[
				{ id: 'cook', level: 2, at: AT, validated: true },
				{ id: 'first-aid', level: 1, at: AT, endorsedBy: { coach: 'Yanis', structure: "CAP'Sport" } },
				{ id: 'bake-bread', level: 3, at: AT }
			],
			AT,
			here
		);
		expect(notes).toEqual([
			{ profileId: 'me', competence: 'cook', validated: true, comment: 'Mon mot', at: AT },
			{
				profileId: 'me',
				competence: 'first-aid',
				validated: false,
				endorsement: { coach: 'Yanis', structure: "CAP'Sport" },
				at: AT
			}
		]);
	});
});

describe('next steps from a link', () => {
	const job = { kind: 'job' as const, text: 'Offre de commis', date: '2026-12-01', coach: 'Claire Martin' };
	const call = { kind: 'contact' as const, text: 'Appeler Mme Diallo', date: '2026-11-30' };
	let n = 0;
	const newId = () => `id-${++n}`;

	it('adds the steps not here yet, once, under this profile, labelled with their coach', () => {
		const added = stepsFromLink('me', [job, call, job], [{ ...call }], 1000, newId);
		expect(added).toEqual([{ id: expect.stringMatching(/^id-/), profileId: 'me', ...job, at: 1000 }]);
	});

	it('saving the same link twice adds nothing the second time', () => {
		const first = stepsFromLink('me', [job, call], [], 1000, newId);
		expect(first).toHaveLength(2);
		expect(first[1]).not.toHaveProperty('coach');
		expect(stepsFromLink('me', [job, call], first, 2000, newId)).toEqual([]);
	});
});
