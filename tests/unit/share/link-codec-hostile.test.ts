import { describe, it, expect } from 'vitest';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { crc32, decodePortfolio, encodePortfolio } from '../../../src/lib/share/link-codec';
import {
	DAY,
	EPOCH,
	REGISTRY_IDS,
	bodyWithName,
	bytesOf,
	frame,
	issuedAt,
	sample,
	textOf,
	utf8,
	varint
} from './share-fixtures';

describe('damage is detected, never read as another portfolio', () => {
	const compressed = encodePortfolio({
		...sample,
		competences: REGISTRY_IDS.slice(0, 30).map((id, i) => ({ id, level: (1 + (i % 3)) as 1, at: issuedAt - i * DAY }))
	});
	const raw = encodePortfolio(sample);

	it.each([
		['raw', raw],
		['deflated', compressed]
	])('every flipped bit and byte of a %s link', async (_, link) => {
		const bytes = bytesOf(link);
		expect(bytes[1 + 1]).toBe(link === raw ? 0 : 1); // the encoding byte: both paths covered
		for (let i = 0; i < bytes.length; i++)
			for (const mask of [1, 2, 4, 8, 16, 32, 64, 128, 0xff, 0x5a]) {
				const damaged = bytes.slice();
				damaged[i]! ^= mask;
				expect((await decodePortfolio(textOf(damaged))).ok, `byte ${i} ^ ${mask}`).toBe(false);
			}
	});

	it('every changed character', async () => {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		for (let i = 0; i < raw.length; i++)
			for (const ch of alphabet)
				if (ch !== raw[i]) expect((await decodePortfolio(raw.slice(0, i) + ch + raw.slice(i + 1))).ok).toBe(false);
	});

	it('a cut-off link says truncated; extra characters say corrupt', async () => {
		for (let cut = 1; cut < raw.length; cut++)
			expect(await decodePortfolio(raw.slice(0, raw.length - cut))).toEqual({ ok: false, error: 'truncated' });
		expect(await decodePortfolio(raw + 'AAAA')).toEqual({ ok: false, error: 'corrupt' });
	});
});

describe('hostile input', () => {
	const fail = (error: string) => ({ ok: false, error });

	it('refuses empty, odd characters and oversized text before any work', async () => {
		expect(await decodePortfolio('')).toEqual(fail('empty'));
		expect(await decodePortfolio('  \n')).toEqual(fail('empty'));
		expect(await decodePortfolio('%%%')).toEqual(fail('bad-characters'));
		expect(await decodePortfolio('ab+c/')).toEqual(fail('bad-characters'));
		expect(await decodePortfolio('A'.repeat(4097))).toEqual(fail('too-large'));
		expect((await decodePortfolio('A'.repeat(4096))).ok).toBe(false);
		expect(await decodePortfolio(undefined as unknown as string)).toEqual(fail('invalid'));
	});

	it('stops a deflate bomb at the cap', async () => {
		const bomb = deflateSync(new Uint8Array(2_000_000), { level: 9 });
		const link = frame(bomb, { encoding: 1 });
		expect(link.length).toBeLessThan(4096);
		expect(await decodePortfolio(link)).toEqual(fail('too-large'));
	});

	it('tells a newer or unknown format from damage', async () => {
		const body = bodyWithName('Amina');
		expect((await decodePortfolio(frame(body))).ok).toBe(true);
		expect((await decodePortfolio(frame(body, { version: 2 }))).ok).toBe(true); // v2 reads every v1 body
		expect(await decodePortfolio(frame(body, { version: 3 }))).toEqual(fail('newer-version'));
		expect(await decodePortfolio(frame(body, { version: 255 }))).toEqual(fail('newer-version'));
		expect(await decodePortfolio(frame(body, { version: 0 }))).toEqual(fail('unknown-version'));
		expect(await decodePortfolio(frame(body, { encoding: 2 }))).toEqual(fail('newer-version'));
		expect(await decodePortfolio(frame([2, 0, 0]))).toEqual(fail('newer-version')); // unknown flag
		expect(await decodePortfolio(frame([0, 0, 1, ...varint(99_999), 1, 0]))).toEqual(fail('newer-version')); // code from a newer registry
	});

	it('skips even extension records and defers to a newer version for odd ones', async () => {
		const base = [0, 5, 0];
		// tag 4: an even tag no version defines yet (2 is the next steps, link-next-steps.ts)
		expect(await decodePortfolio(frame([...base, 4, 3, 9, 9, 9]))).toEqual({
			ok: true,
			portfolio: { issuedAt: EPOCH + 5 * DAY, competences: [] }
		});
		expect(await decodePortfolio(frame([...base, 3, 0]))).toEqual(fail('newer-version'));
		expect(await decodePortfolio(frame([...base, 4, 5, 1]))).toEqual(fail('truncated'));
	});

	it('refuses a first name with a bidi override or control character, and bad UTF-8', async () => {
		expect(await decodePortfolio(frame(bodyWithName('Ana\u202Emoc.exe')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(frame(bodyWithName('Ana\u0007')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(frame(bodyWithName(' Ana')))).toEqual(fail('invalid'));
		expect(await decodePortfolio(frame([1, 0, 2, 0xc3, 0x28, 0]))).toEqual(fail('invalid'));
	});

	it('refuses duplicates, bad ids, bad levels, dates before 2020 and broken varints', async () => {
		const one = (code: number[], level = 2, back = 0) => [...code, level, ...varint(back)];
		const ids = (...parts: number[][]) => frame([0, ...varint(100), parts.length, ...parts.flat()]);
		expect(await decodePortfolio(ids(one([1]), one([1])))).toEqual(fail('invalid'));
		expect(await decodePortfolio(ids(one([0, 2, ...utf8('x1')]), one([0, 2, ...utf8('x1')])))).toEqual(fail('invalid'));
		expect(await decodePortfolio(ids(one([0, 3, ...utf8('X_1')])))).toEqual(fail('invalid'));
		expect(await decodePortfolio(ids(one([1], 4)))).toEqual(fail('invalid'));
		expect(await decodePortfolio(ids(one([1], 2, 101)))).toEqual(fail('invalid'));
		expect(await decodePortfolio(frame([0, 0x80, 0x00, 0]))).toEqual(fail('corrupt')); // overlong varint
		expect(await decodePortfolio(frame([0, 0xff, 0xff, 0xff, 0xff, 0xff]))).toEqual(fail('corrupt'));
		expect(await decodePortfolio(frame([0, 5, 2, 1, 2]))).toEqual(fail('truncated'));
	});

	it('our CRC-32 is the standard one', () => {
		const data = Uint8Array.from(utf8('123456789'));
		expect(crc32(data)).toBe(0xcbf43926);
		expect(crc32(data)).toBe(nodeCrc32(data));
	});
});
