/**
 * Text to glyphs: Arabic shaping, the Unicode bidirectional algorithm (bidi-js, ~6 KiB gz),
 * a font per character (Helvetica when WinAnsi has it, else the first embedded font that
 * has the glyph), measuring, wrapping in logical order, then drawing each line in visual
 * order. A character no font has is drawn as "?".
 */
import bidiFactory from 'bidi-js';
import { shapeArabic, type Cluster } from './arabic-shaping';
import { helveticaWidth, winAnsiByte } from './standard-fonts';
import { num, type FontBook } from './pdf-writer';

const bidi = bidiFactory();

interface Piece {
	font: string;
	code: number;
	/** advance in em */
	advance: number;
	marks: { code: number; cp: number; dx: number; advance: number }[];
	/** the text the base glyph stands for (its marks have their own glyphs) */
	text: string;
	level: number;
	space: boolean;
}

export interface TextLine {
	/** width in points */
	width: number;
	pieces: Piece[];
	size: number;
}

/**
 * Helvetica first; but in right-to-left text the embedded font first, so that a phrase
 * (spaces included) is one run in one font, which text extraction reads back in order.
 */
function pick(
	book: FontBook,
	cp: number,
	bold: boolean,
	rtl: boolean
): { font: string; code: number; advance: number } | null {
	const byte = winAnsiByte(cp);
	const standard =
		byte === undefined ? null : { font: bold ? 'F2' : 'F1', code: byte, advance: helveticaWidth(byte, bold) / 1000 };
	if (standard && !rtl) return standard;
	for (const e of book.embedded) {
		const glyph = e.font.glyphOf(cp);
		if (glyph) return { font: e.key, code: glyph, advance: e.font.advance(glyph) / e.font.unitsPerEm };
	}
	return standard;
}

function toPiece(book: FontBook, c: Cluster, level: number, bold: boolean): Piece {
	const mirrored = level % 2 ? bidi.getMirroredCharacter(String.fromCodePoint(c.cp)) : null;
	const cp = mirrored ? mirrored.codePointAt(0)! : c.cp;
	// A presentation form missing from the font falls back to the plain letter.
	const rtl = level % 2 === 1;
	const found = pick(book, cp, bold, rtl) ?? pick(book, c.text.codePointAt(0)!, bold, rtl);
	const glyph = found ?? { font: bold ? 'F2' : 'F1', code: 0x3f, advance: helveticaWidth(0x3f, bold) / 1000 };
	const embedded = book.get(glyph.font);
	const marks: Piece['marks'] = [];
	if (embedded)
		for (const m of c.marks) {
			const g = embedded.font.glyphOf(m);
			const box = g ? embedded.font.box(g) : null;
			if (!g || !box) continue;
			const em = embedded.font.unitsPerEm;
			marks.push({
				code: g,
				cp: m,
				dx: glyph.advance / 2 - (box[0] + box[2]) / 2 / em,
				advance: embedded.font.advance(g) / em
			});
		}
	const text = [...c.text]
		.filter((ch) => !marks.some((m) => m.cp === ch.codePointAt(0)) && !/[\u200c\u200d]/.test(ch))
		.join('');
	return { ...glyph, marks, text, level, space: c.cp === 0x20 };
}

/** Shapes a paragraph; `rtl` is its base direction. Control characters are dropped. */
export function shapeText(book: FontBook, text: string, opts: { bold?: boolean; rtl?: boolean } = {}): Piece[] {
	const clean = text
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, ' ')
		.replace(/[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	const clusters = shapeArabic(clean);
	const drawn = clusters.map((c) => String.fromCodePoint(c.cp)).join('');
	const { levels } = bidi.getEmbeddingLevels(drawn, opts.rtl ? 'rtl' : 'ltr');
	let unit = 0;
	return clusters.map((c) => {
		const level = levels[unit] ?? 0;
		unit += c.cp > 0xffff ? 2 : 1;
		return toPiece(book, c, level, opts.bold ?? false);
	});
}

const widthOf = (pieces: Piece[], size: number) => pieces.reduce((w, p) => w + p.advance, 0) * size;

/**
 * Wraps shaped text into lines of at most `maxWidth` points, breaking at spaces (inside a
 * word only when a word alone is too long). Past `maxLines`, the last line ends with "…".
 */
export function wrap(book: FontBook, pieces: Piece[], size: number, maxWidth: number, maxLines = 99): TextLine[] {
	const lines: Piece[][] = [];
	let line: Piece[] = [];
	let word: Piece[] = [];
	const flush = () => {
		if (word.length === 0) return;
		const candidate = [...line, ...word];
		if (
			widthOf(
				candidate.filter((p, i) => !(p.space && i === candidate.length - 1)),
				size
			) <= maxWidth
		)
			line = candidate;
		else {
			if (line.length) lines.push(line);
			line = [];
			for (const p of word) {
				if (line.length && widthOf([...line, p], size) > maxWidth && !p.space) {
					lines.push(line);
					line = [];
				}
				line.push(p);
			}
		}
		word = [];
	};
	for (const p of pieces) {
		word.push(p);
		if (p.space) flush();
	}
	flush();
	if (line.length) lines.push(line);
	const trimmed = lines.map((l) => {
		let end = l.length;
		while (end > 0 && l[end - 1]!.space) end--;
		return l.slice(0, end);
	});
	if (trimmed.length > maxLines) {
		const last = trimmed[maxLines - 1]!;
		const ellipsis = toPiece(book, { cp: 0x2026, marks: [], text: '…' }, 0, last[0]?.font === 'F2');
		while (last.length && widthOf([...last, ellipsis], size) > maxWidth) last.pop();
		last.push({ ...ellipsis, level: last[last.length - 1]?.level ?? 0 });
		trimmed.length = maxLines;
	}
	return trimmed.map((pieces) => ({ pieces, size, width: widthOf(pieces, size) }));
}

/** Unicode bidi rule L2: reverse runs from the highest level down to the lowest odd one. */
function visualOrder(pieces: Piece[]): Piece[] {
	const out = [...pieces];
	const max = Math.max(0, ...out.map((p) => p.level));
	const minOdd = Math.min(...out.map((p) => p.level).filter((l) => l % 2 === 1), max + 1);
	for (let level = max; level >= minOdd; level--) {
		for (let i = 0; i < out.length;) {
			if (out[i]!.level < level) {
				i++;
				continue;
			}
			let j = i;
			while (j < out.length && out[j]!.level >= level) j++;
			out.splice(i, j - i, ...out.slice(i, j).reverse());
			i = j;
		}
	}
	return out;
}

/** Content-stream operators drawing a line with its left end at (x, y) on the baseline. */
export function drawLine(book: FontBook, line: TextLine, x: number, y: number): string {
	const ops: string[] = [`BT ${num(x)} ${num(y)} Td`];
	let font = '';
	let items: string[] = [];
	const close = () => {
		if (items.length) ops.push(`[${items.join(' ')}] TJ`);
		items = [];
	};
	for (const p of visualOrder(line.pieces)) {
		if (p.font !== font) {
			close();
			font = p.font;
			ops.push(`/${font} ${num(line.size)} Tf`);
		}
		const embedded = book.get(p.font) !== undefined;
		const code = (c: number) => (embedded ? c.toString(16).padStart(4, '0') : c.toString(16).padStart(2, '0'));
		// Text extraction reverses right-to-left runs glyph by glyph: a ligature's text is
		// stored reversed and marks go before their letter, so both read back in logical order.
		const rtl = p.level % 2 === 1;
		if (embedded) book.use(p.font, p.code, rtl ? [...p.text].reverse().join('') : p.text);
		const marks = p.marks.map((m) => {
			book.use(p.font, m.code, String.fromCodePoint(m.cp));
			return m;
		});
		if (!rtl) items.push(`<${code(p.code)}>`);
		// A mark is drawn centred over its letter: move to it, draw it, move back.
		for (const m of marks) {
			// Right to left, text extraction (pdf.js) reads a step of over 0.03 em to the right
			// as a space: the mark stays near the letter's start, a little off centre when wide.
			const dx = rtl ? Math.max(-0.025, Math.min(m.dx, 0.025)) : m.dx;
			const [to, back] = rtl ? [-dx, dx + m.advance] : [p.advance - dx, -(p.advance - dx - m.advance)];
			items.push(String(Math.round(to * 1000)), `<${code(m.code)}>`, String(Math.round(back * 1000)));
		}
		if (rtl) items.push(`<${code(p.code)}>`);
	}
	close();
	ops.push('ET');
	return ops.join(' ');
}
