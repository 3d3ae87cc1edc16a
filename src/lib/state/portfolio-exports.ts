/**
 * What leaves the device from the portfolio screen: the share link, the PDF and the Open Badges.
 * Each reads the current state (hidden competences, evidence, coach marks, next steps) and loads
 * its heavy code only when the person asks for it, after consent (see SharePanel).
 * Only what the person did not hide leaves the device.
 */
import type { PortfolioGroup } from '../domain/portfolio';
import { keys } from '../domain/content-keys';
import { coach } from './coach.svelte';
import { content } from './content.svelte';
import { locale, t } from './locale.svelte';
import { portfolio } from './portfolio.svelte';

/** The coach's mark of a competence: validated together, or signed by a coach. */
export function coachMarkOf(id: string) {
	const note = coach.noteOf(id);
	return note && (note.validated || note.endorsement) ? note : undefined;
}

const frenchDay = (ms: number) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(ms);

/** A next step as it leaves the device (link, PDF): what, when, and the coach who planned it. */
const sharedStep = (step: (typeof coach.steps)[number]) => ({
	kind: step.kind,
	text: step.text,
	date: step.date,
	...(step.coach ? { coach: step.coach } : {})
});

const sharedItems = (groups: readonly PortfolioGroup[]) =>
	groups.flatMap((g) => g.items.filter((i) => !portfolio.hidden.has(i.competence.id)));

/** The link (codec with fflate loaded now). `base` is the app's own address. */
export async function buildPortfolioLink(
	groups: readonly PortfolioGroup[],
	firstName: string,
	base: string
): Promise<string> {
	const [{ portfolioLink }, { linkMarks }] = await Promise.all([
		import('../share/link-codec'),
		import('../share/coach-marks')
	]);
	const competences = sharedItems(groups).map((i) => ({
		id: i.competence.id,
		level: i.level.level,
		at: i.level.updatedAt,
		...linkMarks(coachMarkOf(i.competence.id))
	}));
	return portfolioLink(base, {
		firstName: firstName || undefined,
		issuedAt: Date.now(),
		competences,
		nextSteps: coach.steps.map(sharedStep)
	});
}

/** The PDF, with its code and fonts loaded now. 'empty' when nothing is left to share. */
export async function makePortfolioPdf(
	groups: readonly PortfolioGroup[],
	firstName: string,
	link: string
): Promise<'saved' | 'empty'> {
	const [{ portfolioPdfFile }, { saveFile }] = await Promise.all([
		import('../share/portfolio-pdf-file'),
		import('../share/save-file'),
		content.ensureLanguage('fr') // the PDF is also in French, for employers
	]);
	const blob = await portfolioPdfFile({
		groups,
		hidden: portfolio.hidden,
		firstName: firstName || undefined,
		link,
		language: { code: locale.code, dir: locale.info.dir },
		french: content.french,
		local: (key) => (content.langOf(key) === locale.code ? content.text(key) : undefined),
		localSubtitle: t('pdf.doc.subtitle'),
		coach: coachMarkOf,
		nextSteps: coach.steps.map(sharedStep),
		localStepsTitle: t('steps.title')
	});
	if (!blob) return 'empty';
	await saveFile(blob, 'atouts-portfolio.pdf', t('pdf.action'));
	return 'saved';
}

/** Open Badges 3.0 for every shared competence, with shared evidence described (no media). */
export async function downloadPortfolioBadges(groups: readonly PortfolioGroup[], firstName: string): Promise<void> {
	const [{ competenceBadge, badgesFile, BADGE_MIME }, { saveFile }, marks] = await Promise.all([
		import('../share/open-badges'),
		import('../share/save-file'),
		import('../share/coach-marks'),
		content.ensureLanguage('fr') // badges name competences in French
	]);
	const holderId = `urn:uuid:${crypto.randomUUID()}`;
	const credentials = sharedItems(groups).map((i) => {
		const mark = coachMarkOf(i.competence.id);
		return competenceBadge({
			competence: i.competence,
			frenchTitle: content.french(keys.competenceTitle(i.competence.id)),
			frenchStatement: content.french(keys.competenceLevel(i.competence.id, i.level.level)),
			level: i.level.level,
			at: i.level.updatedAt,
			holderName: firstName || undefined,
			holderId,
			evidence: [
				...portfolio
					.evidenceOf(i.competence.id)
					.filter((e) => !e.hidden)
					.map((e) => ({ name: t(`share.evidence.${e.kind}`), description: locale.date(e.createdAt), kind: e.kind })),
				...marks.badgeCoachEvidence(mark, frenchDay(mark?.at ?? 0))
			],
			// The coach's signature, as an endorsement from them (not from the person).
			endorsements: marks.badgeEndorsements(mark)
		});
	});
	const blob = new Blob([badgesFile(credentials)], { type: BADGE_MIME });
	await saveFile(blob, 'atouts-badges.json', t('share.badges'));
}
