// Shared by the PDF tests and the bench: the default pack as a full portfolio, assets from disk.
import { iconToHTML, iconToSVG } from '@iconify/utils';
import { buildPdfFont, PDF_FONTS } from '../../../scripts/lib/pdf-fonts';
import { resolvePictogram } from '../../../scripts/lib/pack-dir';
import frUi from '../../../src/lib/i18n/locales/fr.json';
import domainsJson from '../../../src/lib/content/packs/socle/domains.json';
import competencesJson from '../../../src/lib/content/packs/socle/competences.json';
import frDomains from '../../../src/lib/content/packs/socle/strings/fr/domains.json';
import frCompetences from '../../../src/lib/content/packs/socle/strings/fr/competences.json';
import arDomains from '../../../src/lib/content/packs/socle/strings/ar/domains.json';
import arCompetences from '../../../src/lib/content/packs/socle/strings/ar/competences.json';
import type { Competence, Domain } from '../../../src/lib/domain/content-schema';
import type { PortfolioGroup } from '../../../src/lib/domain/portfolio';
import { groupByDomain } from '../../../src/lib/domain/portfolio';
import type { CompetenceLevel } from '../../../src/lib/domain/scoring';
import type { PdfAssets, PdfLabels, PortfolioPdfInput } from '../../../src/lib/share/portfolio-pdf';
import { sharedPdfDomains } from '../../../src/lib/share/portfolio-pdf';

const fonts = new Map<string, Uint8Array>();
/**
 * The assets the app ships, made in memory the way the build makes them (no build needed):
 * pictograms as scripts/build-pictograms.ts writes them, fonts as scripts/build-pdf-fonts.ts.
 */
export const diskAssets: PdfAssets = {
	pictogram: async (ref) => {
		const icon = resolvePictogram(ref);
		if (!icon) return null;
		const svg = iconToSVG(icon, { height: 'auto' });
		return iconToHTML(svg.body, { ...svg.attributes, xmlns: 'http://www.w3.org/2000/svg' });
	},
	font: async (script) => {
		const spec = PDF_FONTS.find((f) => f.out.includes(script === 'arabic' ? 'arabic' : 'cyrillic'))!;
		if (!fonts.has(spec.out)) fonts.set(spec.out, buildPdfFont(spec).bytes);
		return fonts.get(spec.out)!;
	}
};

const ui = frUi as unknown as {
	pdf: { doc: Record<string, string> };
	quiz: Record<string, string>;
	steps: { kind: Record<string, string> };
};
const fill = (text: string, values: Record<string, string | number>) =>
	text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
export const frenchLabels: PdfLabels = {
	subtitle: ui.pdf.doc.subtitle!,
	issued: (date) => fill(ui.pdf.doc.issued!, { date }),
	levels: [ui.quiz.level1!, ui.quiz.level2!, ui.quiz.level3!],
	levelsTitle: ui.pdf.doc.levelsTitle!,
	scan: ui.pdf.doc.scan!,
	endorsedBy: (by, role, date) =>
		fill(role ? ui.pdf.doc.endorsedByRole! : ui.pdf.doc.endorsedBy!, { by, role: role ?? '', date }),
	footer: ui.pdf.doc.footer!,
	page: (page, pages) => fill(ui.pdf.doc.page!, { page, pages }),
	stepsTitle: ui.pdf.doc.stepsTitle!,
	stepKind: (kind) => ui.steps.kind[kind]!,
	stepPlanned: (date, coach) =>
		coach ? fill(ui.pdf.doc.stepPlanned!, { date, coach }) : fill(ui.pdf.doc.stepPlannedUnnamed!, { date })
};

export const domains = domainsJson as unknown as Domain[];
export const competences = competencesJson as unknown as Competence[];
const french: Record<string, string> = { ...frDomains, ...frCompetences };
const arabic: Record<string, string> = { ...arDomains, ...arCompetences };
export const frenchText = (key: string) => french[key] ?? '';
export const arabicText = (key: string) => arabic[key];

/** Every competence of the pack recognised, at levels 1, 2, 3 in turn (or only the first `count`). */
export function fullGroups(count = competences.length): PortfolioGroup[] {
	const levels = new Map<string, CompetenceLevel>();
	competences.slice(0, count).forEach((c, i) =>
		levels.set(c.id, {
			competence: c.id,
			level: ((i % 3) + 1) as 1 | 2 | 3,
			firstAt: Date.UTC(2026, 2, 1),
			updatedAt: Date.UTC(2026, 2, 1),
			evidenceCount: 0
		})
	);
	return groupByDomain(domains, competences, levels);
}

export function pdfInput(
	options: { lang?: 'fr' | 'ar'; hidden?: Set<string>; firstName?: string; count?: number } = {}
): PortfolioPdfInput {
	const lang = options.lang ?? 'fr';
	return {
		firstName: options.firstName,
		issuedAt: Date.UTC(2026, 10, 28),
		language: { code: lang, dir: lang === 'ar' ? 'rtl' : 'ltr' },
		domains: sharedPdfDomains(fullGroups(options.count), options.hidden ?? new Set(), {
			french: frenchText,
			local: lang === 'ar' ? arabicText : () => undefined
		}),
		link: 'http://127.0.0.1:4173/share#p=' + 'AbCd-_'.repeat(63),
		labels: { ...frenchLabels, localSubtitle: lang === 'ar' ? 'ملف الكفاءات' : undefined }
	};
}

/** Page count and the text of every page, read back with pdf.js (a test-only dependency). */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await getDocument({
		data: bytes.slice(),
		isEvalSupported: false,
		disableFontFace: true,
		verbosity: VerbosityLevel.ERRORS
	}).promise;
	const texts: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	const pages = doc.numPages;
	await doc.destroy();
	return { pages, text: texts.join(' ').replace(/\s+/g, ' ') };
}
