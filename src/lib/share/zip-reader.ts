/**
 * Reads a zip from outside without trusting it. fflate's unzipSync neither checks CRC-32
 * nor bounds what an entry inflates to (it trusts the declared size), so the central
 * directory is walked here: every declared size can be judged by the caller before a byte
 * is inflated, entries inflate in small steps that stop as soon as they outgrow their
 * declaration, and the CRC is checked after. Entries whose data overlap are refused, so one
 * compressed block cannot be counted as many files (the "overlapping files" zip bomb).
 */
import { Inflate } from 'fflate';

/** notZip: not a zip at all; corrupt: a damaged or unsupported zip; pastDeclaredSize: a lying entry. */
export type ZipFault = 'notZip' | 'corrupt' | 'tooManyEntries' | 'pastDeclaredSize';

export class ZipRefusal extends Error {
	readonly fault: ZipFault;
	/** The entry at fault, if one is. */
	readonly entry?: string;
	constructor(fault: ZipFault, entry?: string) {
		super(`zip: ${fault}${entry === undefined ? '' : ` (${entry})`}`);
		this.name = 'ZipRefusal';
		this.fault = fault;
		if (entry !== undefined) this.entry = entry;
	}
}
const refuse = (fault: ZipFault, entry?: string): never => {
	throw new ZipRefusal(fault, entry);
};

export interface ZipEntry {
	/** As written in the central directory, decoded as UTF-8: judge it before using it. */
	name: string;
	method: 0 | 8;
	crc: number;
	/** Compressed size, checked to lie within the file. */
	size: number;
	/** Declared uncompressed size: a claim, enforced while inflating. */
	originalSize: number;
	/** Offset of the local header. */
	offset: number;
	/** Offset of the entry's data. */
	dataStart: number;
}

/** Little-endian reads that throw a RangeError past the end instead of reading undefined. */
function reader(data: Uint8Array) {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	return { u16: (at: number) => view.getUint16(at, true), u32: (at: number) => view.getUint32(at, true) };
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Every entry of the central directory, in order; throws ZipRefusal. */
export function listZipEntries(data: Uint8Array, maxEntries: number): ZipEntry[] {
	try {
		return walkDirectory(data, maxEntries);
	} catch (error) {
		if (error instanceof ZipRefusal) throw error;
		return refuse('corrupt'); // a read past the end: a cut-off or garbled directory
	}
}

function walkDirectory(data: Uint8Array, maxEntries: number): ZipEntry[] {
	const { u16, u32 } = reader(data);
	const floor = Math.max(0, data.length - 22 - 0xffff); // the end record lies within its comment's reach
	let end = data.length - 22;
	while (end >= floor && u32(end) !== END_SIGNATURE) end--;
	// A cut-off zip still starts like one: damaged, not someone else's file.
	if (end < floor) refuse(data.length >= 4 && u32(0) === LOCAL_SIGNATURE ? 'corrupt' : 'notZip');
	const [count, cdSize, cdStart] = [u16(end + 10), u32(end + 12), u32(end + 16)];
	if (count > maxEntries) refuse('tooManyEntries');
	const singleDisk = u32(end + 4) === 0 && u16(end + 8) === count;
	if (!singleDisk || cdStart + cdSize !== end || end + 22 + u16(end + 20) !== data.length) refuse('corrupt');
	const entries: ZipEntry[] = [];
	const decoder = new TextDecoder();
	let p = cdStart;
	for (let i = 0; i < count; i++) {
		if (u32(p) !== CENTRAL_SIGNATURE) refuse('corrupt');
		const [flags, method, nameLength] = [u16(p + 8), u16(p + 10), u16(p + 28)];
		const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
		const [crc, size, originalSize, offset] = [u32(p + 16), u32(p + 20), u32(p + 24), u32(p + 42)];
		p += 46 + nameLength + u16(p + 30) + u16(p + 32);
		if (p > end) refuse('corrupt');
		// Encrypted entries and other compressions (bzip2, LZMA…) are not something Atouts writes.
		if (flags & 1 || (method !== 0 && method !== 8) || (method === 0 && size !== originalSize)) refuse('corrupt', name);
		if (u32(offset) !== LOCAL_SIGNATURE) refuse('corrupt', name);
		const dataStart = offset + 30 + u16(offset + 26) + u16(offset + 28);
		if (dataStart + size > cdStart) refuse('corrupt', name);
		entries.push({ name, method: method as 0 | 8, crc, size, originalSize, offset, dataStart });
	}
	if (p !== end) refuse('corrupt');
	const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
	for (let i = 1; i < byOffset.length; i++) {
		const [before, entry] = [byOffset[i - 1]!, byOffset[i]!];
		if (before.dataStart + before.size > entry.offset) refuse('corrupt', entry.name);
	}
	return entries;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
	for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
	return n;
});
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** 4 KiB of deflate inflates to at most ~4 MiB: the most a lying entry can cost before it is stopped. */
const STEP = 4 * 1024;

/**
 * The entry's bytes, exactly its declared size (so the caller bounds the memory used by
 * judging `originalSize` first). Throws ZipRefusal: `pastDeclaredSize` as soon as the data
 * inflates past the declaration, `corrupt` if it inflates short, fails to inflate or fails its CRC.
 */
export function readZipEntry(data: Uint8Array, entry: ZipEntry): Uint8Array<ArrayBuffer> {
	const raw = data.subarray(entry.dataStart, entry.dataStart + entry.size);
	let out: Uint8Array<ArrayBuffer>;
	if (entry.method === 0) out = raw.slice();
	else {
		out = new Uint8Array(entry.originalSize);
		let length = 0;
		const inflater = new Inflate((chunk) => {
			if (length + chunk.length > out.length) refuse('pastDeclaredSize', entry.name);
			out.set(chunk, length);
			length += chunk.length;
		});
		try {
			for (let i = 0; i === 0 || i < raw.length; i += STEP)
				inflater.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
		} catch (error) {
			if (error instanceof ZipRefusal) throw error;
			refuse('corrupt', entry.name); // not deflate, or cut short
		}
		if (length !== out.length) refuse('corrupt', entry.name);
	}
	if (crc32(out) !== entry.crc) refuse('corrupt', entry.name);
	return out;
}
