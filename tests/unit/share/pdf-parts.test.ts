import { describe, expect, it } from 'vitest';
import { shapeArabic } from '../../../src/lib/share/pdf/arabic-shaping';
import { parseFont, FontError } from '../../../src/lib/share/pdf/sfnt';
import { pathOps, svgToPdf } from '../../../src/lib/share/pdf/svg-to-pdf';
import { qr, steps } from '../../../src/lib/share/pdf/layout';
import { encode } from 'uqr';
import { diskAssets } from './pdf-fixtures';

const hex = (text: string) => shapeArabic(text).map((c) => c.cp.toString(16));

describe('Arabic shaping', () => {
	it('gives each letter its contextual form and keeps the original text', () => {
		// ب alone, then initial, medial, final in ببب
		expect(hex('ب')).toEqual(['fe8f']);
		expect(hex('ببب')).toEqual(['fe91', 'fe92', 'fe90']);
		// ا does not join the next letter: د after it is isolated
		expect(hex('اد')).toEqual(['fe8d', 'fea9']);
		for (const text of ['الاستماع إلى التعليمات', 'عدّ النقود', 'Hello 12'])
			expect(
				shapeArabic(text)
					.map((c) => c.text)
					.join('')
			).toBe(text);
	});
	it('makes the lam-alef ligature and keeps marks on their letter', () => {
		expect(hex('لا')).toEqual(['fefb']);
		expect(hex('بلا')).toEqual(['fe91', 'fefc']);
		const [first, second] = shapeArabic('دّ');
		expect(first!.marks).toEqual([0x651]);
		expect(second).toBeUndefined();
	});
});

describe('TrueType reading', () => {
	it('maps letters to glyphs and keeps glyph ids in a subset', async () => {
		const font = parseFont((await diskAssets.font('arabic'))!);
		const beh = font.glyphOf(0x628);
		expect(beh).toBeGreaterThan(0);
		expect(font.glyphOf(0x41)).toBe(0); // no Latin in the Arabic file: Helvetica draws it
		const subset = parseFont(font.subset([beh], [0x628]));
		expect(subset.numGlyphs).toBe(font.numGlyphs);
		expect(subset.glyphOf(0x628)).toBe(beh);
		expect(subset.advance(beh)).toBe(font.advance(beh));
		expect(subset.box(beh)).toEqual(font.box(beh));
		expect(subset.box(font.glyphOf(0x62a))).toBeNull(); // not kept: empty
	});
	it('refuses what is not a font, with a typed error', () => {
		expect(() => parseFont(new Uint8Array(4))).toThrow(FontError);
		expect(() => parseFont(new TextEncoder().encode('<svg>not a font at all</svg>'))).toThrow(FontError);
		const truncated = new Uint8Array(64);
		truncated.set([0x77, 0x4f, 0x46, 0x46, 0, 1, 0, 0, 0, 0, 0, 64, 0, 1]);
		expect(() => parseFont(truncated)).toThrow(FontError);
	});
});

describe('pictograms and drawings', () => {
	it('turns SVG paths, arcs included, into PDF path operators', () => {
		expect(pathOps('M1 2L3 4H5V6Z')).toBe('1 2 m 3 4 l 5 4 l 5 6 l h');
		expect(pathOps('m1 1l2 0')).toBe('1 1 m 3 1 l');
		const arc = pathOps('M0 0A5 5 0 0 1 10 0');
		expect(arc.match(/ c/g)).toHaveLength(2); // a half circle: two cubic curves
		expect(arc.trim().endsWith('10 0 c')).toBe(true);
		expect(pathOps('M1 2 L x')).toBe('1 2 m'); // stops at bad data
	});
	it('draws pictograms in grey, from their luminance', () => {
		const ops = svgToPdf(
			'<svg viewBox="0 0 32 32"><path fill="#ffffff" d="M0 0h1z"/><path fill="#000" d="M0 0h1z"/><defs><path d="M9 9h1z"/></defs></svg>',
			() => 'A1'
		)!;
		expect(ops).toContain('1 g');
		expect(ops).toContain('0 g');
		expect(ops).not.toContain('9 9 m');
		expect(svgToPdf('<p>not svg</p>', () => 'A1')).toBeNull();
	});
	it('draws every dark module of the QR code, and only those', () => {
		const link = 'http://127.0.0.1:4173/share#p=AbCdEf';
		const code = encode(link, { ecc: 'M', border: 0 });
		const dark = code.data.flat().filter(Boolean).length;
		const covered = [...qr(link, 0, 100, 100).matchAll(/(\d+) (\d+) (\d+) 1 re/g)].reduce(
			(n, m) => n + Number(m[3]),
			0
		);
		expect(covered).toBe(dark);
	});
	it('shows levels as filled and empty steps, never by colour alone', () => {
		const two = steps(2, 0, 0, 10);
		expect(two.match(/ f/g)).toHaveLength(2); // filled
		expect(two.match(/ S/g)).toHaveLength(1); // outlined
	});
});
