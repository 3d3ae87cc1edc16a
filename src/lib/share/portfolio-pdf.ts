/**
 * The portfolio as a PDF, made on the device: one A4 page (two at most), for an employer or
 * a coach. Titles in French, with the person's language beside them when it is not French;
 * levels as steps with their word; coach endorsements when there are some; a QR code back
 * to the share link. Only what the person shares goes in: the same competences as the link.
 *
 * This module and everything under ./pdf load only when the person asks for a PDF.
 */
import { keys } from '../domain/content-keys';
import type { PortfolioGroup } from '../domain/portfolio';
import { normalizeFirstName } from './link-codec';
import { layOut, type LayoutDomain } from './pdf/layout';
import { PdfDocument } from './pdf/pdf-writer';
import { parseFont } from './pdf/sfnt';
import { svgToPdf } from './pdf/svg-to-pdf';

/** A coach's endorsement of a competence (the coach data model will fill this). */
export interface PdfEndorsement {
	by: string;
	role?: string;
	at: number;
	note?: string;
}
export interface PdfCompetence {
	id: string;
	pictogram: string;
	frenchTitle: string;
	/** the title in the person's language, when it is not French */
	localTitle?: string;
	level: 1 | 2 | 3;
	endorsements?: PdfEndorsement[];
}
export interface PdfDomain {
	id: string;
	pictogram: string;
	frenchTitle: string;
	localTitle?: string;
	competences: PdfCompetence[];
}
/** French texts of the document (pdf.doc.* and quiz.level1–3 in fr.json). */
export interface PdfLabels {
	subtitle: string;
	localSubtitle?: string;
	issued: (date: string) => string;
	levels: readonly [string, string, string];
	levelsTitle: string;
	scan: string;
	endorsedBy: (by: string, role: string | undefined, date: string) => string;
	footer: string;
	page: (page: number, pages: number) => string;
	/** Next steps: the section's title, a kind's word, and "<day>, planned with <coach>". */
	stepsTitle: string;
	stepKind: (kind: PdfStep['kind']) => string;
	stepPlanned: (date: string, coach: string | undefined) => string;
}
/** A next step agreed with a coach; `pictogram` shows its kind. */
export interface PdfStep {
	kind: 'training' | 'job' | 'contact';
	pictogram: string;
	text: string;
	/** YYYY-MM-DD */
	date: string;
	coach?: string;
}
export interface PortfolioPdfInput {
	firstName?: string;
	issuedAt: number;
	/** the person's language and its direction */
	language: { code: string; dir: 'ltr' | 'rtl' };
	domains: PdfDomain[];
	link: string;
	labels: PdfLabels;
	nextSteps?: PdfStep[];
	/** The steps section's title in the person's language, when it is not French. */
	localStepsTitle?: string;
	stepsPictogram?: string;
}
/** Where pictograms (SVG text) and fonts for non-Latin scripts come from. */
export interface PdfAssets {
	pictogram: (ref: string) => Promise<string | null>;
	font: (script: 'arabic' | 'cyrillic') => Promise<Uint8Array | null>;
}

export class PdfInputError extends Error {}

const frenchDate = (ms: number) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(ms);

/**
 * The domains and competences that leave the device: recognised, not hidden, grouped as on
 * the portfolio screen. `local` gives a text in the person's language, or undefined when
 * that language is French or has no translation.
 */
export function sharedPdfDomains(
	groups: readonly PortfolioGroup[],
	hidden: ReadonlySet<string>,
	texts: { french: (key: string) => string; local: (key: string) => string | undefined },
	endorsements: (competenceId: string) => PdfEndorsement[] = () => []
): PdfDomain[] {
	return groups
		.map((g) => ({
			id: g.domain.id,
			pictogram: g.domain.pictogram,
			frenchTitle: texts.french(keys.domainTitle(g.domain.id)),
			localTitle: texts.local(keys.domainTitle(g.domain.id)),
			competences: g.items
				.filter((i) => !hidden.has(i.competence.id))
				.map((i) => ({
					id: i.competence.id,
					pictogram: i.competence.pictogram,
					frenchTitle: texts.french(keys.competenceTitle(i.competence.id)),
					localTitle: texts.local(keys.competenceTitle(i.competence.id)),
					level: i.level.level,
					endorsements: endorsements(i.competence.id)
				}))
		}))
		.filter((d) => d.competences.length > 0);
}

function check(input: PortfolioPdfInput): void {
	const count = input.domains.reduce((n, d) => n + d.competences.length, 0);
	if (count === 0) throw new PdfInputError('nothing to share');
	if (count > 500) throw new PdfInputError('too many competences');
	if (!Number.isFinite(input.issuedAt)) throw new PdfInputError('bad date');
	for (const d of input.domains)
		for (const c of d.competences)
			if (![1, 2, 3].includes(c.level) || typeof c.frenchTitle !== 'string' || c.frenchTitle.trim() === '')
				throw new PdfInputError(`bad competence ${String(c.id).slice(0, 48)}`);
}

const SCRIPTS = {
	arabic: /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u,
	cyrillic: /[\u0400-\u04ff]/u
} as const;

/** Builds the PDF. Throws PdfInputError on input the app should never produce. */
export async function portfolioPdf(
	input: PortfolioPdfInput,
	assets: PdfAssets
): Promise<{ bytes: Uint8Array; pages: number }> {
	check(input);
	const doc = new PdfDocument();
	const name = normalizeFirstName(input.firstName);
	const local = (t: string | undefined) => (input.language.code === 'fr' || !t?.trim() ? undefined : t);
	const everything = [
		name ?? '',
		input.labels.localSubtitle ?? '',
		input.localStepsTitle ?? '',
		...(input.nextSteps ?? []).map((step) => step.text + (step.coach ?? '')),
		...input.domains.flatMap((d) => [
			d.localTitle ?? '',
			...d.competences.flatMap((c) => [
				c.localTitle ?? '',
				...(c.endorsements ?? []).map((e) => e.by + (e.role ?? '') + (e.note ?? ''))
			])
		])
	].join(' ');
	for (const script of ['arabic', 'cyrillic'] as const) {
		if (!SCRIPTS[script].test(everything)) continue;
		const bytes = await assets.font(script);
		if (bytes) doc.fonts.add(parseFont(bytes), script === 'arabic' ? 'NotoSansArabic' : 'NotoSans');
	}
	const forms = new Map<string, string | null>();
	const form = async (ref: string) => {
		if (!forms.has(ref)) {
			const svg = await assets.pictogram(ref).catch(() => null);
			const ops = svg ? svgToPdf(svg, doc.opacity) : null;
			forms.set(ref, ops ? doc.form(ref, () => ops) : null);
		}
		return forms.get(ref)!;
	};
	const domains: LayoutDomain[] = [];
	for (const d of input.domains) {
		const competences = [];
		for (const c of d.competences)
			competences.push({
				pictogram: await form(c.pictogram),
				title: c.frenchTitle,
				local: local(c.localTitle),
				level: c.level,
				endorsements: (c.endorsements ?? []).map(
					(e) => input.labels.endorsedBy(e.by, e.role, frenchDate(e.at)) + (e.note ? ` « ${e.note} »` : '')
				)
			});
		domains.push({ pictogram: await form(d.pictogram), title: d.frenchTitle, local: local(d.localTitle), competences });
	}
	const L = input.labels;
	const stepItems = [];
	for (const step of input.nextSteps ?? [])
		stepItems.push({
			pictogram: await form(step.pictogram),
			title: `${L.stepKind(step.kind)} · ${step.text}`,
			detail: L.stepPlanned(frenchDate(Date.parse(`${step.date}T12:00:00Z`)), step.coach)
		});
	layOut(doc, {
		rtl: input.language.dir === 'rtl',
		heading: {
			title: 'Atouts',
			subtitle: L.subtitle,
			localSubtitle: local(L.localSubtitle),
			name,
			issued: L.issued(frenchDate(input.issuedAt))
		},
		levels: L.levels,
		levelsTitle: L.levelsTitle,
		scan: L.scan,
		footer: L.footer,
		page: L.page,
		link: input.link,
		domains,
		steps: {
			pictogram: input.stepsPictogram ? await form(input.stepsPictogram) : null,
			title: L.stepsTitle,
			local: local(input.localStepsTitle),
			items: stepItems
		}
	});
	const title = ['Atouts', L.subtitle, name].filter(Boolean).join(' · ');
	return { bytes: doc.save({ title, lang: 'fr', created: new Date(input.issuedAt) }), pages: doc.pageCount };
}
