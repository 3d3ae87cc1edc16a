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
import type { CoachNote } from '../domain/records';
import type { SharedCompetence } from './link-codec';
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
