/**
 * A coach's review of a competence (CoachNote) as each shared form carries it. The review
 * belongs to the participant's portfolio and is always labelled as coming from the coach:
 * - the link: the validated mark and the named endorsement (no comment: the link stays short);
 * - the PDF: "Validé par <coach> (<structure>), le <date>" and the comment;
 * - Open Badges 3.0: an unsigned EndorsementCredential naming the coach and the structure, or,
 *   validated without a name, an Evidence item saying it was validated with a coach.
 * A comment alone (neither validated nor endorsed) stays on the device.
 * Pure, and type-only imports: loading it pulls in neither the codec nor the PDF code.
 */
import type { CoachNote, NextStep } from '../domain/records';
import type { SharedCompetence, SharedNextStep } from './link-codec';
import type { EndorsementInput, EvidenceInput } from './open-badges';
import type { PdfEndorsement } from './portfolio-pdf';

export type CoachMark = Pick<CoachNote, 'validated' | 'endorsement' | 'comment' | 'at'>;

const shared = (note: CoachMark | undefined): note is CoachMark => !!note && (note.validated || !!note.endorsement);

/** What the link carries for a competence. */
export function linkMarks(note: CoachMark | undefined): Pick<SharedCompetence, 'validated' | 'endorsedBy'> {
	if (!shared(note)) return {};
	return {
		...(note.validated ? { validated: true } : {}),
		...(note.endorsement ? { endorsedBy: { ...note.endorsement } } : {})
	};
}

/**
 * Coach notes for this device's profile from a link's marks ("save to my phone"). A note
 * already here keeps its comment; the link's marks are added to it, never taken away.
 */
export function notesFromLink(
	profileId: string,
	competences: readonly SharedCompetence[],
	at: number,
	existing: readonly CoachNote[]
): CoachNote[] {
	return competences
		.filter((c) => c.validated || c.endorsedBy)
		.map((c) => {
			const before = existing.find((n) => n.competence === c.id);
			const endorsement = c.endorsedBy ?? before?.endorsement;
			return {
				profileId,
				competence: c.id,
				validated: !!c.validated || !!before?.validated,
				...(before?.comment ? { comment: before.comment } : {}),
				...(endorsement ? { endorsement: { coach: endorsement.coach, structure: endorsement.structure } } : {}),
				at: Math.max(at, before?.at ?? 0)
			};
		});
}

/**
 * Next steps for this device's profile from a link ("save to my phone"): only those not here
 * yet (same kind, day and words), so saving the same link twice adds nothing.
 */
export function stepsFromLink(
	profileId: string,
	steps: readonly SharedNextStep[],
	existing: readonly Pick<NextStep, 'kind' | 'date' | 'text'>[],
	at: number,
	newId: () => string
): NextStep[] {
	const same = (a: Pick<NextStep, 'kind' | 'date' | 'text'>, b: Pick<NextStep, 'kind' | 'date' | 'text'>) =>
		a.kind === b.kind && a.date === b.date && a.text === b.text;
	return steps
		.filter((s, i) => !existing.some((e) => same(e, s)) && steps.findIndex((o) => same(o, s)) === i)
		.map((s) => ({
			id: newId(),
			profileId,
			kind: s.kind,
			text: s.text,
			date: s.date,
			...(s.coach ? { coach: s.coach } : {}),
			at
		}));
}

/** The PDF's lines for a competence; `unnamed` names a coach who did not sign (French). */
export function pdfEndorsements(note: CoachMark | undefined, unnamed: string): PdfEndorsement[] {
	if (!shared(note)) return [];
	return [
		{
			by: note.endorsement?.coach ?? unnamed,
			...(note.endorsement ? { role: note.endorsement.structure } : {}),
			at: note.at,
			...(note.comment ? { note: note.comment } : {})
		}
	];
}

const VALIDATED = 'Compétence validée ensemble par la personne et son conseiller ou sa conseillère.';

/** Open Badges endorsements for a competence: one per named endorsement. */
export function badgeEndorsements(note: CoachMark | undefined): EndorsementInput[] {
	if (!shared(note) || !note.endorsement) return [];
	const comment = note.comment ?? (note.validated ? VALIDATED : '');
	return [{ name: note.endorsement.coach, structure: note.endorsement.structure, date: note.at, comment }];
}

/** Validated without a name: said in the badge's evidence, as the coach's. */
export function badgeCoachEvidence(note: CoachMark | undefined, date: string): EvidenceInput[] {
	if (!shared(note) || note.endorsement || !note.validated) return [];
	return [
		{
			name: 'Validée avec un conseiller ou une conseillère',
			description: `${VALIDATED} Le ${date}.`,
			...(note.comment ? { narrative: note.comment } : {}),
			kind: 'text'
		}
	];
}
