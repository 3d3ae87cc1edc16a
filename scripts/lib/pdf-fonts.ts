/**
 * Font files for the on-device PDF (src/lib/share/portfolio-pdf.ts), written into
 * static/fonts/pdf/ by scripts/build-pdf-fonts.ts (the unit tests make the same bytes in
 * memory): Noto Sans Arabic cut down to the letters, marks, digits and presentation forms that
 * Arabic (and Persian) text needs once shaped (~13 KiB instead of ~77 KiB), and the Noto
 * Sans Cyrillic subset. WOFF 1.0, because the PDF code unpacks it with fflate; the app's
 * own WOFF 2 files would need a Brotli decoder. The service worker precaches these files,
 * so a PDF in Arabic or Ukrainian can be made offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parseFont } from '../../src/lib/share/pdf/sfnt';

const require = createRequire(import.meta.url);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const PDF_FONTS = [
	{
		source: ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'],
		out: 'noto-sans-arabic-pdf.woff',
		codePoints: [
			...[0x20, 0x60c, 0x61b, 0x61f, 0x670, 0x67e, 0x686, 0x698, 0x6a9, 0x6af, 0x6cc],
			...range(0x621, 0x652),
			...range(0x660, 0x66d),
			...range(0xfb56, 0xfb59),
			...range(0xfb7a, 0xfb7d),
			...range(0xfb8a, 0xfb95),
			...range(0xfbfc, 0xfbff),
			...range(0xfe70, 0xfefc)
		]
	},
	{
		source: ['@fontsource/noto-sans', 'noto-sans-cyrillic-400-normal.woff'],
		out: 'noto-sans-cyrillic-pdf.woff',
		codePoints: [0x20, 0x301, 0x2116, ...range(0x400, 0x45f), 0x490, 0x491, 0x4b0, 0x4b1]
	}
];

/** Packs an sfnt file as WOFF 1.0: each table zlib-compressed when that is smaller. */
export function toWoff(sfnt: Uint8Array): Uint8Array {
	const v = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
	const count = v.getUint16(4);
	const tables = Array.from({ length: count }, (_, i) => {
		const at = 12 + i * 16;
		const [checksum, offset, length] = [v.getUint32(at + 4), v.getUint32(at + 8), v.getUint32(at + 12)];
		const data = sfnt.subarray(offset, offset + length);
		const packed = deflateSync(data, { level: 9 });
		return { tag: v.getUint32(at), checksum, data: packed.length < length ? packed : data, length };
	});
	const header = 44 + count * 20;
	const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), header);
	const out = new Uint8Array(size);
	const w = new DataView(out.buffer);
	w.setUint32(0, 0x774f4646); // 'wOFF'
	w.setUint32(4, 0x00010000);
	w.setUint32(8, size);
	w.setUint16(12, count);
	w.setUint32(16, sfnt.length);
	w.setUint16(20, 1);
	let at = header;
	tables.forEach((t, i) => {
		const dir = 44 + i * 20;
		w.setUint32(dir, t.tag);
		w.setUint32(dir + 4, at);
		w.setUint32(dir + 8, t.data.length);
		w.setUint32(dir + 12, t.length);
		w.setUint32(dir + 16, t.checksum);
		out.set(t.data, at);
		at += (t.data.length + 3) & ~3;
	});
	return out;
}

export type PdfFontSpec = (typeof PDF_FONTS)[number];

/** The WOFF bytes of one PDF font, made from the @fontsource package. */
export function buildPdfFont(spec: PdfFontSpec): { bytes: Uint8Array; glyphs: number } {
	const dir = dirname(require.resolve(`${spec.source[0]}/package.json`));
	const font = parseFont(new Uint8Array(readFileSync(join(dir, 'files', spec.source[1]!))));
	const glyphs = spec.codePoints.map((cp) => font.glyphOf(cp)).filter((g) => g > 0);
	return { bytes: toWoff(font.subset(glyphs, spec.codePoints)), glyphs: new Set(glyphs).size };
}
