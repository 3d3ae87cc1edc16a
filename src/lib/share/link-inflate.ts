/**
 * Raw deflate → bytes, by the platform's DecompressionStream ('deflate-raw': Chrome 103, Safari
 * 16.4, Firefox 113, Node 20). A share link's body is a few hundred bytes; fflate's inflate was as
 * fast, but loading fflate meant building its tables first (~100 ms at 4× CPU on the shared view).
 * An older browser still opens links: it loads fflate then, and only then.
 */
import { Fail } from './link-bytes';

/**
 * The inflated bytes, or Fail('too-large') as soon as the output passes `cap` (a small link must
 * not expand into megabytes: reading stops there), or Fail('corrupt') when the stream is damaged.
 */
export async function inflateRawCapped(input: Uint8Array, cap: number): Promise<Uint8Array> {
	// No bytes is no final block: damaged (fflate would hand back its whole empty buffer).
	if (input.length === 0) throw new Fail('corrupt');
	const inflater = nativeInflater();
	if (!inflater) return inflateWithFflate(input, cap);
	const reader = new Blob([input.slice()]).stream().pipeThrough(inflater).getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.length;
			if (total > cap) {
				void reader.cancel().catch(() => undefined); // the rest is never inflated
				throw new Fail('too-large');
			}
			parts.push(value);
		}
	} catch (e) {
		// The stream's own errors (bad block, early end, bytes after the end) mean damaged data.
		throw e instanceof Fail ? e : new Fail('corrupt');
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** The platform's raw-deflate stream, or undefined where there is none (an older browser). */
function nativeInflater(): DecompressionStream | undefined {
	if (typeof DecompressionStream !== 'function') return undefined;
	try {
		return new DecompressionStream('deflate-raw');
	} catch {
		return undefined; // a browser with the API but not this format throws on construction
	}
}

async function inflateWithFflate(input: Uint8Array, cap: number): Promise<Uint8Array> {
	const { inflateSync } = await import('fflate');
	let out: Uint8Array;
	try {
		// A fixed output buffer: fflate never grows it, so a bomb costs at most one cap's worth.
		out = inflateSync(input, { out: new Uint8Array(cap + 1) });
	} catch (e) {
		// A stored block longer than the buffer makes fflate's copy throw RangeError;
		// its own errors (bad block, early end) mean damaged data.
		throw new Fail(e instanceof RangeError ? 'too-large' : 'corrupt');
	}
	if (out.length > cap) throw new Fail('too-large');
	return out;
}
