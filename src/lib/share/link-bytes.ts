/**
 * Byte-level pieces of the share link (link-codec.ts): CRC-32, strict base64url and
 * canonical varints. Kept apart so the codec reads as the layout it implements.
 */

/** Internal failure signal; decodePortfolio turns it into a typed result. */
export type DecodeError =
	'empty' | 'bad-characters' | 'truncated' | 'corrupt' | 'newer-version' | 'unknown-version' | 'too-large' | 'invalid';
export class Fail {
	constructor(readonly error: DecodeError) {}
}

// --- CRC-32 (IEEE). fflate keeps its crc internal, and it is 10 lines. ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

// --- base64url without padding, strict: one text ↔ one byte string. ---
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export function toBase64url(bytes: Uint8Array): string {
	const b64 = btoa(String.fromCharCode(...bytes)); // ≤ 3 KiB, so the spread is safe
	return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
/** Throws Fail. Leftover bits are reported, not judged: a cut-off link must read 'truncated' first. */
export function fromBase64url(text: string): { bytes: Uint8Array; cleanTail: boolean } {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Fail('bad-characters');
	if (text.length % 4 === 1) throw new Fail('truncated');
	const leftover = (text.length * 6) % 8; // 0, 2 or 4 unused bits in the last character
	const cleanTail = (ALPHABET.indexOf(text.slice(-1)) & ((1 << leftover) - 1)) === 0;
	const bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
	return { bytes, cleanTail };
}

// --- varints (LEB128, up to 32 bits, canonical only) ---
export function pushVarint(out: number[], value: number): void {
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}
/** A length-prefixed UTF-8 string. */
export function pushText(out: number[], text: string): void {
	const utf8 = new TextEncoder().encode(text);
	pushVarint(out, utf8.length);
	out.push(...utf8);
}
export class Reader {
	pos = 0;
	constructor(readonly bytes: Uint8Array) {}
	byte(): number {
		if (this.pos >= this.bytes.length) throw new Fail('truncated');
		return this.bytes[this.pos++]!;
	}
	varint(): number {
		let value = 0;
		for (let i = 0, scale = 1; i < 5; i++, scale *= 0x80) {
			const b = this.byte();
			value += (b & 0x7f) * scale;
			if (b < 0x80) {
				// An overlong form (trailing zero group) or > 32 bits would give one value two spellings.
				if ((i > 0 && b === 0) || value > 0xffffffff) throw new Fail('corrupt');
				return value;
			}
		}
		throw new Fail('corrupt');
	}
	take(n: number): Uint8Array {
		if (this.pos + n > this.bytes.length) throw new Fail('truncated');
		return this.bytes.subarray(this.pos, (this.pos += n));
	}
	/** A length-prefixed UTF-8 string of at most `maxBytes`; 'invalid' when too long or not UTF-8. */
	text(maxBytes: number): string {
		const len = this.varint();
		if (len > maxBytes) throw new Fail('invalid');
		try {
			return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(this.take(len));
		} catch (e) {
			throw e instanceof Fail ? e : new Fail('invalid'); // not UTF-8
		}
	}
}
