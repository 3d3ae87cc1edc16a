/**
 * The backup file's zip, written entry by entry in small steps (backup.ts): a profile with
 * thousands of answers and hundreds of photos never freezes a budget phone while it is saved.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { nextStep } from '../domain/portfolio';
import { SLICE_MS, yieldToMain } from '../domain/time-slices';
import { BACKUP_LIMITS, BACKUP_MIME, BackupRefusal } from './backup-format';

/** Bytes a zip step takes in, in blocks: from 16 KiB, resized to about SLICE_MS of work, at most 64 KiB. */
const ZIP_BLOCK = 4 * 1024;
const ZIP_FIRST_BLOCKS = 4;
const ZIP_MAX_BLOCKS = 16;
/** Written chunks are gathered into a Blob part this often, so that the file is not made in one go. */
const ZIP_PART_BYTES = 1024 * 1024;

/**
 * A zip written entry by entry in small steps, yielding between steps, so that writing tens
 * of megabytes of photos never freezes the page (zipSync did it all in one task). Steps are
 * sized from how long the last one took: the first deflate runs cold (at 4× CPU, a fixed 64 KiB
 * step took 35 ms of a long task). Entries carry their sizes after their data (a data
 * descriptor) and in the central directory, as zip allows.
 */
export function zipWriter(mtime: Date) {
	const parts: Blob[] = [];
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let size = 0;
	let failure: Error | null = null;
	// Made into a Blob a megabyte at a time: one Blob of every chunk at the end took 30 ms (4× CPU).
	const fold = () => {
		if (pending.length) parts.push(new Blob(pending as BlobPart[]));
		pending = [];
		pendingBytes = 0;
	};
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else {
			pending.push(chunk);
			pendingBytes += chunk.length;
			size += chunk.length;
			if (pendingBytes >= ZIP_PART_BYTES) fold();
		}
	});
	const check = () => {
		if (failure) throw failure;
		if (size > BACKUP_LIMITS.file) throw new BackupRefusal('too-large');
	};
	let blocks = ZIP_FIRST_BLOCKS;
	return {
		async add(name: string, bytes: Uint8Array, level: 0 | 6) {
			const entry = level ? new ZipDeflate(name, { level }) : new ZipPassThrough(name);
			entry.mtime = mtime;
			zip.add(entry);
			for (let at = 0; ;) {
				const started = performance.now();
				const step = blocks * ZIP_BLOCK;
				const last = at + step >= bytes.length;
				entry.push(bytes.subarray(at, at + step), last);
				check();
				blocks = nextStep(blocks, performance.now() - started, SLICE_MS, ZIP_MAX_BLOCKS);
				await yieldToMain();
				if (last) break;
				at += step;
			}
		},
		end(): Blob {
			zip.end();
			check();
			fold();
			return new Blob(parts, { type: BACKUP_MIME });
		}
	};
}
