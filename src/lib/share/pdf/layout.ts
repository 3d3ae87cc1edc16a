/**
 * Where things go on the page. Three columns of competences grouped by domain, under a
 * header with the name, the date, a legend of the levels and the QR code back to the link.
 * Everything is black, white and grey, and levels are shapes (filled or empty steps) with
 * their word beside: nothing depends on colour. The same layout is tried at a few scales
 * so that a whole portfolio fits one A4 page; only when even the smallest readable scale
 * does not fit does it go on to a second page.
 */
import { encode } from 'uqr';
import { A4, num, type PdfDocument } from './pdf-writer';
import { drawLine, shapeText, wrap, type TextLine } from './pdf-text';

export interface LayoutCompetence {
	pictogram: string | null; // form name
	title: string;
	local?: string;
	level: 1 | 2 | 3;
	endorsements: string[];
}
export interface LayoutDomain {
	pictogram: string | null;
	title: string;
	local?: string;
	competences: LayoutCompetence[];
}
/** The next steps agreed with a coach: a section after the domains, one block per step. */
export interface LayoutSteps {
	pictogram: string | null;
	title: string;
	local?: string;
	items: { pictogram: string | null; title: string; detail: string }[];
}
export interface LayoutInput {
	rtl: boolean;
	heading: { title: string; subtitle: string; localSubtitle?: string; name?: string; issued: string };
	levels: readonly [string, string, string];
	levelsTitle: string;
	scan: string;
	footer: string;
	page: (page: number, pages: number) => string;
	link: string;
	domains: LayoutDomain[];
	steps?: LayoutSteps;
}

const MARGIN = 34;
const GUTTER = 12;
const COLUMNS = 3;
const COLUMN_WIDTH = (A4[0] - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS;
const QR_SIZE = 104;
const FOOTER = 22;
export const SCALES = [1, 0.93, 0.86, 0.8, 0.74, 0.68];

type Draw = (x: number, top: number) => string; // top = y of the block's upper edge
interface Block {
	height: number;
	draw: Draw;
	/** a heading stays with the block after it */
	keepWithNext: boolean;
}

const text = (
	doc: PdfDocument,
	value: string,
	size: number,
	width: number,
	opts: { bold?: boolean; rtl?: boolean; lines?: number } = {}
) => wrap(doc.fonts, shapeText(doc.fonts, value, opts), size, width, opts.lines ?? 2);

/** Lines stacked from `top`, right-aligned in `width` when the text is right-to-left. */
function drawLines(doc: PdfDocument, lines: TextLine[], x: number, top: number, width: number, rtl = false): string {
	return lines
		.map((line, i) => drawLine(doc.fonts, line, rtl ? x + width - line.width : x, top - line.size * (0.95 + i * 1.2)))
		.join('\n');
}
const linesHeight = (lines: TextLine[]) => (lines.length ? lines[0]!.size * (lines.length * 1.2) : 0);

/** Three steps of rising height, filled up to the level, outlined after it. */
export function steps(level: number, x: number, base: number, height: number): string {
	const width = height * 0.42;
	return [1, 2, 3]
		.map((step) => {
			const h = height * [0.45, 0.72, 1][step - 1]!;
			const box = `${num(x + (step - 1) * width * 1.45)} ${num(base)} ${num(width)} ${num(h)} re`;
			return step <= level ? `0 g ${box} f` : `0 G 0.7 w ${box} S`;
		})
		.join(' ');
}

const picto = (form: string | null, x: number, top: number, size: number) =>
	form ? `q ${num(size)} 0 0 ${num(size)} ${num(x)} ${num(top - size)} cm /${form} Do Q` : '';

function competenceBlock(doc: PdfDocument, c: LayoutCompetence, input: LayoutInput, s: number): Block {
	const icon = 20 * s;
	const textX = icon + 5 * s;
	const width = COLUMN_WIDTH - textX;
	const title = text(doc, c.title, 8.5 * s, width, { bold: true });
	const local = c.local ? text(doc, c.local, 8.5 * s, width, { rtl: input.rtl }) : [];
	const levelSize = 7.2 * s;
	const stepHeight = 7 * s;
	const level = text(doc, input.levels[c.level - 1]!, levelSize, width - 16 * s, { lines: 1 });
	const endorsements = c.endorsements.map((e) => text(doc, e, 6.8 * s, width - 9 * s, { lines: 3 }));
	const gap = 1.5 * s;
	// The person's language goes beside the French title when both fit on one line.
	const inline = title.length === 1 && local.length === 1 && title[0]!.width + 8 * s + local[0]!.width <= width;
	const below = inline ? 0 : local.length ? gap + linesHeight(local) : 0;
	const textHeight =
		linesHeight(title) +
		below +
		gap +
		Math.max(stepHeight, levelSize * 1.2) +
		endorsements.reduce((h, e) => h + gap + linesHeight(e), 0);
	return {
		height: Math.max(icon, textHeight) + 5 * s,
		keepWithNext: false,
		draw: (x, top) => {
			const ops = [picto(c.pictogram, x, top, icon), drawLines(doc, title, x + textX, top, width)];
			let y = top - linesHeight(title);
			if (inline) ops.push(drawLines(doc, local, x + textX, top + 0.3 * s, width, true));
			else if (local.length) {
				ops.push(drawLines(doc, local, x + textX, y - gap, width, input.rtl));
				y -= below;
			}
			y -= gap + Math.max(stepHeight, levelSize * 1.2);
			ops.push(steps(c.level, x + textX, y + 1 * s, stepHeight));
			ops.push(drawLine(doc.fonts, level[0]!, x + textX + 16 * s, y + 1.5 * s));
			for (const e of endorsements) {
				// a check mark drawn as a stroke: WinAnsi has no ✓
				const mark = y - gap - e[0]!.size * 0.9;
				const k = 6 * s;
				ops.push(
					`0 G ${num(1 * s)} w ${num(x + textX)} ${num(mark + k * 0.5)} m ${num(x + textX + k * 0.35)} ${num(mark + k * 0.1)} l ${num(x + textX + k)} ${num(mark + k)} l S`
				);
				ops.push(drawLines(doc, e, x + textX + 9 * s, y - gap, width - 9 * s));
				y -= gap + linesHeight(e);
			}
			return ops.join('\n');
		}
	};
}

function stepBlock(doc: PdfDocument, step: LayoutSteps['items'][number], s: number): Block {
	const icon = 20 * s;
	const textX = icon + 5 * s;
	const width = COLUMN_WIDTH - textX;
	const title = text(doc, step.title, 8.5 * s, width, { bold: true, lines: 4 });
	const detail = text(doc, step.detail, 7.2 * s, width, { lines: 2 });
	const gap = 1.5 * s;
	return {
		height: Math.max(icon, linesHeight(title) + gap + linesHeight(detail)) + 5 * s,
		keepWithNext: false,
		draw: (x, top) =>
			[
				picto(step.pictogram, x, top, icon),
				drawLines(doc, title, x + textX, top, width),
				drawLines(doc, detail, x + textX, top - linesHeight(title) - gap, width)
			].join('\n')
	};
}

function domainBlock(doc: PdfDocument, d: LayoutDomain, input: LayoutInput, s: number): Block {
	const icon = 16 * s;
	const width = COLUMN_WIDTH - icon - 5 * s;
	const title = text(doc, d.title, 10 * s, width, { bold: true });
	const local = d.local ? text(doc, d.local, 9 * s, width, { rtl: input.rtl }) : [];
	const textHeight = linesHeight(title) + linesHeight(local);
	const height = Math.max(icon, textHeight) + 6 * s;
	return {
		height,
		keepWithNext: true,
		draw: (x, top) =>
			[
				picto(d.pictogram, x, top, icon),
				drawLines(doc, title, x + icon + 5 * s, top, width),
				drawLines(doc, local, x + icon + 5 * s, top - linesHeight(title), width, input.rtl),
				`0 G 0.8 w ${num(x)} ${num(top - height + 3.5 * s)} m ${num(x + COLUMN_WIDTH)} ${num(top - height + 3.5 * s)} l S`
			].join('\n')
	};
}

/** The header of page 1; returns its drawing and the y where the columns start. */
function header(doc: PdfDocument, input: LayoutInput): { ops: string; bottom: number } {
	const top = A4[1] - MARGIN;
	const width = A4[0] - 2 * MARGIN - QR_SIZE - 16;
	const h = input.heading;
	const parts: [TextLine[], number][] = [
		[text(doc, h.title, 24, width, { bold: true, lines: 1 }), 2],
		[text(doc, h.subtitle, 13, width, { bold: true, lines: 1 }), 2],
		[h.localSubtitle ? text(doc, h.localSubtitle, 11, width, { rtl: input.rtl, lines: 1 }) : [], 6],
		[h.name ? text(doc, h.name, 15, width, { bold: true, lines: 1 }) : [], 2],
		[text(doc, h.issued, 10, width, { lines: 1 }), 0]
	];
	const ops: string[] = [];
	let y = top;
	for (const [lines, after] of parts) {
		if (!lines.length) continue;
		ops.push(drawLines(doc, lines, MARGIN, y, width));
		y -= linesHeight(lines) + after;
	}
	const qrX = A4[0] - MARGIN - QR_SIZE;
	ops.push(qr(input.link, qrX, top, QR_SIZE));
	const scan = text(doc, input.scan, 7, QR_SIZE, { lines: 3 });
	ops.push(
		scan.map((l, i) => drawLine(doc.fonts, l, qrX + (QR_SIZE - l.width) / 2, top - QR_SIZE - 9 - i * 8.4)).join('\n')
	);
	y = Math.min(y - 10, top - QR_SIZE - 8 - linesHeight(scan)) - 4;
	// legend of the levels
	const legendTitle = text(doc, input.levelsTitle, 8.5, 80, { bold: true, lines: 1 })[0]!;
	ops.push(drawLine(doc.fonts, legendTitle, MARGIN, y - 8));
	let x = MARGIN + legendTitle.width + 10;
	input.levels.forEach((word, i) => {
		ops.push(steps(i + 1, x, y - 8.5, 8));
		const line = text(doc, word, 8.5, 140, { lines: 1 })[0]!;
		ops.push(drawLine(doc.fonts, line, x + 18, y - 8));
		x += 18 + line.width + 16;
	});
	y -= 16;
	ops.push(`0 G 1.2 w ${num(MARGIN)} ${num(y)} m ${num(A4[0] - MARGIN)} ${num(y)} l S`);
	return { ops: ops.join('\n'), bottom: y - 10 };
}

/** The QR code as filled squares, one path, with its quiet zone left white. */
export function qr(link: string, x: number, top: number, size: number): string {
	let code: ReturnType<typeof encode>;
	try {
		code = encode(link, { ecc: 'M', border: 0 });
	} catch {
		return ''; // too long for a QR code: the PDF still lists everything
	}
	const quiet = 2;
	const unit = size / (code.size + quiet * 2);
	const runs: string[] = [];
	code.data.forEach((row, r) => {
		for (let c = 0; c < row.length; c++) {
			if (!row[c]) continue;
			let end = c;
			while (row[end + 1]) end++;
			runs.push(`${c + quiet} ${r + quiet} ${end - c + 1} 1 re`);
			c = end;
		}
	});
	return `q ${num(unit)} 0 0 ${num(-unit)} ${num(x)} ${num(top)} cm 0 g ${runs.join(' ')} f Q`;
}

/** Flows the blocks into columns and pages; null when it would need more than `maxPages`. */
function flow(doc: PdfDocument, input: LayoutInput, s: number, firstTop: number, maxPages: number, draw: boolean) {
	const blocks = input.domains.flatMap((d) => [
		domainBlock(doc, d, input, s),
		...d.competences.map((c) => competenceBlock(doc, c, input, s))
	]);
	const steps = input.steps;
	if (steps?.items.length)
		blocks.push(
			domainBlock(doc, { ...steps, competences: [] }, input, s),
			...steps.items.map((item) => stepBlock(doc, item, s))
		);
	const bottom = MARGIN + FOOTER;
	const pages: string[][] = [[]];
	let column = 0;
	let y = firstTop;
	for (let i = 0; i < blocks.length; i++) {
		const b = blocks[i]!;
		const need = b.height + (b.keepWithNext && blocks[i + 1] ? blocks[i + 1]!.height : 0);
		if (y - need < bottom && y < (pages.length === 1 ? firstTop : A4[1] - MARGIN)) {
			column++;
			if (column === COLUMNS) {
				if (pages.length === maxPages) return null;
				pages.push([]);
				column = 0;
			}
			y = pages.length === 1 ? firstTop : A4[1] - MARGIN;
		}
		if (draw) pages[pages.length - 1]!.push(b.draw(MARGIN + column * (COLUMN_WIDTH + GUTTER), y));
		y -= b.height + (b.keepWithNext ? 0 : 2 * s);
	}
	return pages;
}

/** Lays the portfolio out on as few pages as it can (one, two at most when readable). */
export function layOut(doc: PdfDocument, input: LayoutInput): void {
	const head = header(doc, input);
	const scale =
		SCALES.find((s) => flow(doc, input, s, head.bottom, 1, false)) ??
		SCALES.find((s) => flow(doc, input, s, head.bottom, 2, false)) ??
		SCALES[SCALES.length - 1]!;
	const pages = flow(doc, input, scale, head.bottom, Infinity, true)!;
	pages.forEach((ops, i) => {
		const footer = text(
			doc,
			pages.length > 1 ? `${input.footer} ${input.page(i + 1, pages.length)}` : input.footer,
			7,
			A4[0] - 2 * MARGIN,
			{ lines: 2 }
		);
		const foot = drawLines(doc, footer, MARGIN, MARGIN + 12, A4[0] - 2 * MARGIN);
		const rule = `0 G 0.5 w ${num(MARGIN)} ${num(MARGIN + FOOTER - 6)} m ${num(A4[0] - MARGIN)} ${num(MARGIN + FOOTER - 6)} l S`;
		doc.addPage([i === 0 ? head.ops : '', ...ops, rule, foot].join('\n'));
	});
}
