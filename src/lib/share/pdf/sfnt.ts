/**
 * Just enough of TrueType to put a font into a PDF: reads a WOFF 1.0 file (zlib tables,
 * inflated with fflate, which the app already ships) or a bare .ttf, maps characters to
 * glyphs (cmap formats 4 and 12), reads advances and boxes, and writes a subset that keeps
 * glyph ids (unused glyphs become empty), so the PDF can address glyphs by id directly.
 * WOFF 2 is not read: it needs a Brotli decoder and its 120 KiB dictionary.
 */
import { unzlibSync } from 'fflate';

export class FontError extends Error {}

export interface SfntFont {
	readonly unitsPerEm: number;
	readonly ascent: number;
	readonly descent: number;
	readonly bbox: readonly [number, number, number, number];
	readonly numGlyphs: number;
	/** 0 when the font has no glyph for the code point. */
	glyphOf(codePoint: number): number;
	advance(glyph: number): number;
	/** Outline box of a glyph, null when it is empty. */
	box(glyph: number): [number, number, number, number] | null;
	/**
	 * A TrueType file with only these glyphs (and the parts of composites) drawn, glyph ids
	 * kept. With `codePoints`, it also gets a cmap of just those characters (for a font file
	 * made at build time); without, no cmap (a PDF addresses glyphs by id).
	 */
	subset(glyphs: Iterable<number>, codePoints?: Iterable<number>): Uint8Array;
}

const tag = (v: DataView, at: number) =>
	String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
	if (bytes.length < 12) throw new FontError('font file too short');
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, Uint8Array>();
	const signature = tag(v, 0);
	if (signature === 'wOFF') {
		const count = v.getUint16(12);
		for (let i = 0; i < count; i++) {
			const at = 44 + i * 20;
			const [offset, compLength, origLength] = [v.getUint32(at + 4), v.getUint32(at + 8), v.getUint32(at + 12)];
			if (offset + compLength > bytes.length) throw new FontError('font table out of range');
			const raw = bytes.subarray(offset, offset + compLength);
			const data = compLength < origLength ? unzlibSync(raw) : raw;
			if (data.length !== origLength) throw new FontError('font table damaged');
			tables.set(tag(v, at), data);
		}
	} else if (signature === '\0\x01\0\0' || signature === 'true') {
		const count = v.getUint16(4);
		for (let i = 0; i < count; i++) {
			const at = 12 + i * 16;
			const [offset, length] = [v.getUint32(at + 8), v.getUint32(at + 12)];
			if (offset + length > bytes.length) throw new FontError('font table out of range');
			tables.set(tag(v, at), bytes.subarray(offset, offset + length));
		}
	} else throw new FontError('not a TrueType or WOFF 1.0 font');
	for (const t of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap'])
		if (!tables.has(t)) throw new FontError(`font has no ${t} table`);
	return tables;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function readCmap(cmap: Uint8Array): Map<number, number> {
	const v = view(cmap);
	const map = new Map<number, number>();
	const subtables = Array.from({ length: v.getUint16(2) }, (_, i) => ({
		platform: v.getUint16(4 + i * 8),
		encoding: v.getUint16(6 + i * 8),
		offset: v.getUint32(8 + i * 8)
	}));
	const pick =
		subtables.find((s) => s.platform === 3 && s.encoding === 10 && v.getUint16(s.offset) === 12) ??
		subtables.find((s) => s.platform === 0 && v.getUint16(s.offset) === 12) ??
		subtables.find((s) => s.platform === 3 && s.encoding === 1 && v.getUint16(s.offset) === 4) ??
		subtables.find((s) => s.platform === 0 && v.getUint16(s.offset) === 4);
	if (!pick) throw new FontError('font has no Unicode cmap');
	const o = pick.offset;
	if (v.getUint16(o) === 12) {
		for (let i = 0, n = v.getUint32(o + 12); i < n; i++) {
			const g = o + 16 + i * 12;
			const [start, end, glyph] = [v.getUint32(g), v.getUint32(g + 4), v.getUint32(g + 8)];
			for (let c = start; c <= end && c - start < 0x10000; c++) map.set(c, glyph + c - start);
		}
		return map;
	}
	const segments = v.getUint16(o + 6) / 2;
	const ends = o + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const ranges = deltas + segments * 2;
	for (let s = 0; s < segments; s++) {
		const [start, end] = [v.getUint16(starts + s * 2), v.getUint16(ends + s * 2)];
		const [delta, rangeOffset] = [v.getInt16(deltas + s * 2), v.getUint16(ranges + s * 2)];
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
			else {
				const at = ranges + s * 2 + rangeOffset + (c - start) * 2;
				glyph = at + 2 <= cmap.length ? v.getUint16(at) : 0;
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) map.set(c, glyph);
		}
	}
	return map;
}

function checksum(data: Uint8Array): number {
	const padded = new Uint8Array((data.length + 3) & ~3);
	padded.set(data);
	const v = view(padded);
	let sum = 0;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
	return sum;
}

/** A cmap with one format 12 subtable (Windows, full Unicode) of these mappings. */
function writeCmap(pairs: readonly (readonly [number, number])[]): Uint8Array {
	const sorted = pairs.filter(([, g]) => g > 0).sort((a, b) => a[0] - b[0]);
	const groups: [number, number, number][] = [];
	for (const [cp, g] of sorted) {
		const last = groups[groups.length - 1];
		if (last && cp === last[1] + 1 && g === last[2] + cp - last[0]) last[1] = cp;
		else if (!last || cp !== last[1]) groups.push([cp, cp, g]);
	}
	const out = new Uint8Array(12 + 16 + groups.length * 12);
	const v = view(out);
	v.setUint16(2, 1); // one subtable
	v.setUint16(4, 3);
	v.setUint16(6, 10);
	v.setUint32(8, 12);
	v.setUint16(12, 12); // format 12
	v.setUint32(16, 16 + groups.length * 12);
	v.setUint32(24, groups.length);
	groups.forEach(([start, end, glyph], i) => {
		v.setUint32(28 + i * 12, start);
		v.setUint32(32 + i * 12, end);
		v.setUint32(36 + i * 12, glyph);
	});
	return out;
}

/** Assembles an sfnt file from tables (sorted by tag, 4-byte aligned, checksums set). */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
	const tags = [...tables.keys()].sort();
	let size = 12 + tags.length * 16;
	const offsets = tags.map((t) => {
		const at = size;
		size += (tables.get(t)!.length + 3) & ~3;
		return at;
	});
	const out = new Uint8Array(size);
	const v = view(out);
	v.setUint32(0, 0x00010000);
	v.setUint16(4, tags.length);
	const power = 2 ** Math.floor(Math.log2(tags.length));
	v.setUint16(6, power * 16);
	v.setUint16(8, Math.log2(power));
	v.setUint16(10, tags.length * 16 - power * 16);
	tags.forEach((t, i) => {
		const data = tables.get(t)!;
		for (let k = 0; k < 4; k++) out[12 + i * 16 + k] = t.charCodeAt(k);
		v.setUint32(16 + i * 16, checksum(data));
		v.setUint32(20 + i * 16, offsets[i]!);
		v.setUint32(24 + i * 16, data.length);
		out.set(data, offsets[i]!);
	});
	const headAt = offsets[tags.indexOf('head')]!;
	v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
	return out;
}

export function parseFont(bytes: Uint8Array): SfntFont {
	const tables = readTables(bytes);
	const head = view(tables.get('head')!);
	const hhea = view(tables.get('hhea')!);
	const numGlyphs = view(tables.get('maxp')!).getUint16(4);
	const hmtx = view(tables.get('hmtx')!);
	const metrics = Math.min(hhea.getUint16(34), numGlyphs);
	const longLoca = head.getInt16(50) === 1;
	const loca = view(tables.get('loca')!);
	const glyf = tables.get('glyf')!;
	const offsetOf = (g: number) => (longLoca ? loca.getUint32(g * 4) : loca.getUint16(g * 2) * 2);
	if (loca.byteLength < (numGlyphs + 1) * (longLoca ? 4 : 2) || metrics === 0)
		throw new FontError('font tables damaged');
	const cmap = readCmap(tables.get('cmap')!);
	const glyphData = (g: number) => {
		if (g < 0 || g >= numGlyphs) return new Uint8Array(0);
		const [start, end] = [offsetOf(g), offsetOf(g + 1)];
		return end > start && end <= glyf.length ? glyf.subarray(start, end) : new Uint8Array(0);
	};
	const components = (data: Uint8Array): number[] => {
		const v = view(data);
		if (data.length < 10 || v.getInt16(0) >= 0) return [];
		const found: number[] = [];
		for (let at = 10, more = true; more && at + 4 <= data.length;) {
			const flags = v.getUint16(at);
			found.push(v.getUint16(at + 2));
			at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
			more = (flags & 0x20) !== 0;
		}
		return found;
	};

	return {
		unitsPerEm: head.getUint16(18),
		ascent: hhea.getInt16(4),
		descent: hhea.getInt16(6),
		bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
		numGlyphs,
		glyphOf: (cp) => cmap.get(cp) ?? 0,
		advance: (g) => hmtx.getUint16(Math.min(g, metrics - 1) * 4),
		box(g) {
			const data = glyphData(g);
			if (data.length < 10) return null;
			const v = view(data);
			return [v.getInt16(2), v.getInt16(4), v.getInt16(6), v.getInt16(8)];
		},
		subset(glyphs, codePoints) {
			const keep = new Set<number>([0]);
			const queue = [...glyphs];
			while (queue.length) {
				const g = queue.pop()!;
				if (keep.has(g) || g >= numGlyphs) continue;
				keep.add(g);
				queue.push(...components(glyphData(g)));
			}
			const parts: Uint8Array[] = [];
			const newLoca = new Uint8Array((numGlyphs + 1) * 4);
			let at = 0;
			for (let g = 0; g < numGlyphs; g++) {
				view(newLoca).setUint32(g * 4, at);
				if (!keep.has(g)) continue;
				const data = glyphData(g);
				parts.push(data, new Uint8Array((4 - (data.length % 4)) % 4));
				at += (data.length + 3) & ~3;
			}
			view(newLoca).setUint32(numGlyphs * 4, at);
			const newGlyf = new Uint8Array(at);
			let pos = 0;
			for (const part of parts) {
				newGlyf.set(part, pos);
				pos += part.length;
			}
			const newHead = tables.get('head')!.slice();
			view(newHead).setInt16(50, 1);
			view(newHead).setUint32(8, 0);
			const out = new Map<string, Uint8Array>([
				['head', newHead],
				['hhea', tables.get('hhea')!],
				['maxp', tables.get('maxp')!],
				['hmtx', tables.get('hmtx')!],
				['loca', newLoca],
				['glyf', newGlyf]
			]);
			for (const t of ['cvt ', 'fpgm', 'prep']) if (tables.has(t)) out.set(t, tables.get(t)!);
			if (codePoints) out.set('cmap', writeCmap([...codePoints].map((cp) => [cp, cmap.get(cp) ?? 0] as const)));
			return writeSfnt(out);
		}
	};
}
