/**
 * A small PDF 1.7 writer, just what a one- or two-page portfolio needs: pages drawn with
 * content-stream operators, Helvetica for Latin text (no font bytes), TrueType subsets for
 * other scripts (Type 0 / Identity-H, with a ToUnicode map so text can be searched and
 * copied), reusable drawings (form XObjects, one per pictogram) and Flate compression with
 * fflate. Written here rather than taken from pdf-lib (~420 KiB minified, ~1.3 MiB with
 * fontkit) or jsPDF (~800 KiB): those would not fit in the offline precache budget.
 */
import { zlibSync } from 'fflate';
import type { SfntFont } from './sfnt';

export const A4: readonly [number, number] = [595.28, 841.89];

/** A number as PDF wants it: no exponent, two decimals at most. */
export function num(n: number): string {
	const r = Math.round(n * 100) / 100;
	return Object.is(r, -0) ? '0' : String(r);
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
const utf16Hex = (text: string) =>
	[...text]
		.map((ch) => {
			const cp = ch.codePointAt(0)!;
			if (cp < 0x10000) return hex4(cp);
			const v = cp - 0x10000;
			return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
		})
		.join('');

/** A PDF text string that survives any character: UTF-16BE with its byte order mark. */
export const pdfText = (text: string) => `<FEFF${utf16Hex(text)}>`;

interface Embedded {
	key: string;
	font: SfntFont;
	name: string;
	/** glyph id → the text it stands for */
	used: Map<number, string>;
}

/** The fonts a document uses: F1 Helvetica, F2 Helvetica-Bold, E1… embedded TrueType. */
export class FontBook {
	readonly embedded: Embedded[] = [];

	add(font: SfntFont, name: string): string {
		const key = `E${this.embedded.length + 1}`;
		this.embedded.push({ key, font, name: name.replace(/[^A-Za-z0-9-]/g, ''), used: new Map() });
		return key;
	}
	get(key: string): Embedded | undefined {
		return this.embedded.find((e) => e.key === key);
	}
	/** Records that a glyph was drawn, and which text it stands for (first one wins). */
	use(key: string, glyph: number, text: string): void {
		const e = this.get(key);
		if (e && !e.used.has(glyph)) e.used.set(glyph, text);
	}
}

export class PdfDocument {
	readonly fonts = new FontBook();
	#objects: Uint8Array[] = [];
	#pages: number[] = [];
	#forms = new Map<string, { name: string; id: number }>();
	#alphas = new Map<string, string>();
	#encoder = new TextEncoder();
	readonly #pagesId = this.#reserve();
	readonly #resourcesId = this.#reserve();

	#reserve(): number {
		this.#objects.push(new Uint8Array(0));
		return this.#objects.length;
	}
	#put(id: number, body: string | Uint8Array[]): number {
		const parts = typeof body === 'string' ? [this.#encoder.encode(body)] : body;
		const total = parts.reduce((n, p) => n + p.length, 0);
		const bytes = new Uint8Array(total);
		parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
		this.#objects[id - 1] = bytes;
		return id;
	}
	#add(body: string): number {
		return this.#put(this.#reserve(), body);
	}
	#stream(dict: string, data: string | Uint8Array): number {
		const raw = typeof data === 'string' ? this.#encoder.encode(data) : data;
		const packed = zlibSync(raw, { level: 6 });
		return this.#put(this.#reserve(), [
			this.#encoder.encode(`<< ${dict} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
			packed,
			this.#encoder.encode('\nendstream')
		]);
	}

	/** A drawing reused by name (`/Name Do`), drawn once in the file; its box is [0 0 1 1]. */
	form(key: string, draw: () => string): string {
		const known = this.#forms.get(key);
		if (known) return known.name;
		const name = `P${this.#forms.size + 1}`;
		const id = this.#stream(
			`/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources ${this.#resourcesId} 0 R`,
			draw()
		);
		this.#forms.set(key, { name, id });
		return name;
	}

	/** Names a graphics state that fills with this opacity (0–1, two decimals). */
	opacity = (alpha: number): string => {
		const key = num(Math.min(1, Math.max(0, alpha)));
		if (!this.#alphas.has(key)) this.#alphas.set(key, `A${this.#alphas.size + 1}`);
		return this.#alphas.get(key)!;
	};

	addPage(content: string): void {
		const contents = this.#stream('', content);
		this.#pages.push(
			this.#add(
				`<< /Type /Page /Parent ${this.#pagesId} 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] ` +
					`/Resources ${this.#resourcesId} 0 R /Contents ${contents} 0 R >>`
			)
		);
	}

	get pageCount(): number {
		return this.#pages.length;
	}

	#embed(e: Embedded, tag: string): number {
		const { font } = e;
		const scale = 1000 / font.unitsPerEm;
		const subset = font.subset(e.used.keys());
		const file = this.#stream(`/Length1 ${subset.length}`, subset);
		const name = `${tag}+${e.name}`;
		const [x0, y0, x1, y1] = font.bbox.map((v) => Math.round(v * scale));
		const descriptor = this.#add(
			`<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle 0 ` +
				`/Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(font.descent * scale)} ` +
				`/CapHeight ${Math.round(font.ascent * scale)} /StemV 80 /FontFile2 ${file} 0 R >>`
		);
		const glyphs = [...e.used.keys()].sort((a, b) => a - b);
		const widths = glyphs.map((g) => `${g} [${Math.round(font.advance(g) * scale)}]`).join(' ');
		const cid = this.#add(
			`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} ` +
				`/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
				`/FontDescriptor ${descriptor} 0 R /W [${widths}] /CIDToGIDMap /Identity >>`
		);
		const chunks: string[] = [];
		for (let i = 0; i < glyphs.length; i += 100) {
			const part = glyphs.slice(i, i + 100);
			chunks.push(
				`${part.length} beginbfchar\n${part.map((g) => `<${hex4(g)}> <${utf16Hex(e.used.get(g)!)}>`).join('\n')}\nendbfchar`
			);
		}
		const toUnicode = this.#stream(
			'',
			'/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n' +
				'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
				'/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n' +
				'1 begincodespacerange <0000> <FFFF> endcodespacerange\n' +
				`${chunks.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`
		);
		return this.#add(
			`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H ` +
				`/DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`
		);
	}

	save(meta: { title: string; lang: string; created: Date }): Uint8Array {
		const helvetica = (base: string) =>
			this.#add(`<< /Type /Font /Subtype /Type1 /BaseFont /${base} /Encoding /WinAnsiEncoding >>`);
		const fonts = [`/F1 ${helvetica('Helvetica')} 0 R`, `/F2 ${helvetica('Helvetica-Bold')} 0 R`];
		this.fonts.embedded.forEach((e, i) => {
			if (e.used.size > 0) fonts.push(`/${e.key} ${this.#embed(e, `ATOUT${String.fromCharCode(65 + i)}`)} 0 R`);
		});
		const forms = [...this.#forms.values()].map((f) => `/${f.name} ${f.id} 0 R`).join(' ');
		const states = [...this.#alphas].map(([alpha, name]) => `/${name} << /ca ${alpha} /CA ${alpha} >>`).join(' ');
		this.#put(
			this.#resourcesId,
			`<< /Font << ${fonts.join(' ')} >> /XObject << ${forms} >> /ExtGState << ${states} >> >>`
		);
		this.#put(
			this.#pagesId,
			`<< /Type /Pages /Kids [${this.#pages.map((p) => `${p} 0 R`).join(' ')}] /Count ${this.#pages.length} >>`
		);
		const catalog = this.#add(
			`<< /Type /Catalog /Pages ${this.#pagesId} 0 R /Lang ${pdfText(meta.lang)} ` +
				`/ViewerPreferences << /DisplayDocTitle true >> >>`
		);
		const stamp = meta.created.toISOString().replace(/[-:T]/g, '').slice(0, 14);
		const info = this.#add(`<< /Title ${pdfText(meta.title)} /Producer (Atouts) /CreationDate (D:${stamp}Z) >>`);

		const header = this.#encoder.encode('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n');
		const offsets: number[] = [];
		const parts: Uint8Array[] = [header];
		let at = header.length;
		this.#objects.forEach((body, i) => {
			offsets.push(at);
			const open = this.#encoder.encode(`${i + 1} 0 obj\n`);
			const close = this.#encoder.encode('\nendobj\n');
			parts.push(open, body, close);
			at += open.length + body.length + close.length;
		});
		const xref =
			`xref\n0 ${this.#objects.length + 1}\n0000000000 65535 f \n` +
			offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
			`trailer\n<< /Size ${this.#objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\n` +
			`startxref\n${at}\n%%EOF\n`;
		parts.push(this.#encoder.encode(xref));
		const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		parts.reduce((pos, p) => (out.set(p, pos), pos + p.length), 0);
		return out;
	}
}
