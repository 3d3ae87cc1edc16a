/**
 * The backup's zip writer: entries added in steps (sized from their own timing) and the file
 * gathered a megabyte at a time read back whole and exact, with a zip reader that checks CRCs.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_MIME } from '../../../src/lib/share/backup-format';
import { zipWriter } from '../../../src/lib/share/zip-writer';

function noise(length: number, seed: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let x = seed;
	for (let i = 0; i < length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
	return bytes;
}

describe('zipWriter', () => {
	it('writes entries of every size, stored and deflated, that read back exactly', async () => {
		const text = new TextEncoder().encode('{"answers":[' + '{"id":"a","level":2},'.repeat(20_000) + ']}');
		const photo = noise(3 * 1024 * 1024 + 17, 7); // over several steps and several megabyte parts
		const empty = new Uint8Array(0);
		const zip = zipWriter(new Date(Date.UTC(2026, 10, 29)));
		await zip.add('backup.json', text, 6);
		await zip.add('evidence/photo.jpg', photo, 0);
		await zip.add('evidence/empty.bin', empty, 0);
		const file = zip.end();
		expect(file.type).toBe(BACKUP_MIME);
		expect(file.size).toBeGreaterThan(photo.length); // stored, not deflated
		expect(file.size).toBeLessThan(photo.length + text.length / 10); // the text deflated
		const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
		expect(Object.keys(entries)).toEqual(['backup.json', 'evidence/photo.jpg', 'evidence/empty.bin']);
		// Compared as buffers: element by element, a deep equality of megabytes takes seconds.
		const same = (a: Uint8Array | undefined, b: Uint8Array) => Buffer.from(a ?? []).equals(Buffer.from(b));
		expect(same(entries['backup.json'], text)).toBe(true);
		expect(same(entries['evidence/photo.jpg'], photo)).toBe(true);
		expect(entries['evidence/empty.bin']).toHaveLength(0);
		expect(same(entries['evidence/photo.jpg'], noise(photo.length, 8))).toBe(false); // the check can fail
	});
});
