/**
 * The browser side of the PDF: French texts from the UI locale (the document is for
 * employers), the person's language beside them, pictograms from the precached
 * static/pictos, and the Arabic and Cyrillic fonts from static/fonts/pdf (small WOFF 1.0
 * subsets made at build time by scripts/build-pdf-fonts.ts, precached, so the PDF works
 * offline in every language). Loaded with portfolio-pdf only when the person asks for a PDF.
 */
import { asset } from '$app/paths';
import type { TFunction } from 'i18next';
import { pictogramUrl } from '../content/pictogram-sets';
import type { PortfolioGroup } from '../domain/portfolio';
import { pdfEndorsements, type CoachMark } from './coach-marks';
import { portfolioPdf, sharedPdfDomains, type PdfAssets, type PdfLabels, type PdfStep } from './portfolio-pdf';
import { UI_PICTOGRAMS } from '../ui/ui-pictograms';

export const PDF_MIME = 'application/pdf';

const browserAssets: PdfAssets = {
	async pictogram(ref) {
		const response = await fetch(asset(`/${pictogramUrl(ref)}` as `/${string}`));
		return response.ok ? response.text() : null;
	},
	async font(script) {
		const file = script === 'arabic' ? 'noto-sans-arabic-pdf.woff' : 'noto-sans-cyrillic-pdf.woff';
		const response = await fetch(asset(`/fonts/pdf/${file}`));
		return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
	}
};

export function pdfLabels(fr: TFunction, localSubtitle?: string): PdfLabels {
	return {
		subtitle: fr('pdf.doc.subtitle'),
		localSubtitle,
		issued: (date) => fr('pdf.doc.issued', { date }),
		levels: [fr('quiz.level1'), fr('quiz.level2'), fr('quiz.level3')],
		levelsTitle: fr('pdf.doc.levelsTitle'),
		scan: fr('pdf.doc.scan'),
		endorsedBy: (by, role, date) =>
			role ? fr('pdf.doc.endorsedByRole', { by, role, date }) : fr('pdf.doc.endorsedBy', { by, date }),
		footer: fr('pdf.doc.footer'),
		page: (page, pages) => fr('pdf.doc.page', { page, pages }),
		stepsTitle: fr('pdf.doc.stepsTitle'),
		stepKind: (kind) => fr(`steps.kind.${kind}`),
		stepPlanned: (date, coach) =>
			coach ? fr('pdf.doc.stepPlanned', { date, coach }) : fr('pdf.doc.stepPlannedUnnamed', { date })
	};
}

export interface PdfFileRequest {
	groups: readonly PortfolioGroup[];
	hidden: ReadonlySet<string>;
	firstName?: string;
	link: string;
	language: { code: string; dir: 'ltr' | 'rtl' };
	french: (key: string) => string;
	/** a pack text in the person's language, undefined when it only exists in French */
	local: (key: string) => string | undefined;
	/** the document's subtitle in the person's language */
	localSubtitle: string;
	/** the coach's review of a competence, when there is one (validated, signed, comment) */
	coach?: (competenceId: string) => CoachMark | undefined;
	/** next steps agreed with the coach, and their section title in the person's language */
	nextSteps?: readonly Omit<PdfStep, 'pictogram'>[];
	localStepsTitle?: string;
}

const STEP_PICTOGRAMS: Record<PdfStep['kind'], string> = {
	training: UI_PICTOGRAMS.stepTraining,
	job: UI_PICTOGRAMS.stepJob,
	contact: UI_PICTOGRAMS.stepContact
};

/** The PDF of what the person shares, or null when they hide everything. */
export async function portfolioPdfFile(request: PdfFileRequest): Promise<Blob | null> {
	const { i18n } = await import('../i18n/i18n');
	const fr = i18n.getFixedT('fr');
	const domains = sharedPdfDomains(
		request.groups,
		request.hidden,
		{ french: request.french, local: request.local },
		(id) => pdfEndorsements(request.coach?.(id), fr('coach.pdfUnnamed'))
	);
	if (domains.length === 0) return null;
	const { bytes } = await portfolioPdf(
		{
			firstName: request.firstName,
			issuedAt: Date.now(),
			language: request.language,
			domains,
			link: request.link,
			labels: pdfLabels(fr, request.localSubtitle),
			nextSteps: (request.nextSteps ?? []).map((step) => ({ ...step, pictogram: STEP_PICTOGRAMS[step.kind] })),
			localStepsTitle: request.localStepsTitle,
			stepsPictogram: UI_PICTOGRAMS.nextSteps
		},
		browserAssets
	);
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: PDF_MIME });
}
