/**
 * Failures the person can act on: saving on the device, and downloading the content (`download`:
 * patchy data on a first visit). The UI maps `kind` to a translated message; nothing here is
 * shown raw.
 */
import type { AtoutsDB } from './db';

export type StorageErrorKind = 'quota' | 'unavailable' | 'aborted' | 'unknown' | 'download';

export class StorageError extends Error {
	readonly kind: StorageErrorKind;
	constructor(kind: StorageErrorKind, cause?: unknown) {
		super(`storage: ${kind}`, { cause });
		this.name = 'StorageError';
		this.kind = kind;
	}
}

export function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	const name = (error as { name?: string } | null)?.name;
	if (name === 'QuotaExceededError') return new StorageError('quota', error);
	if (name === 'AbortError') return new StorageError('aborted', error);
	if (name === 'InvalidStateError' || name === 'UnknownError') return new StorageError('unavailable', error);
	return new StorageError('unknown', error);
}

/**
 * Puts records in one store in one strict-durability transaction: it resolves only once
 * they are on disk, and either all are written or none. A record that cannot even be queued
 * (a value the browser cannot clone) aborts the transaction, so no earlier one is kept.
 */
export async function putDurably<S extends 'answers' | 'evidence' | 'clips'>(
	db: AtoutsDB,
	store: S,
	records: readonly unknown[]
): Promise<void> {
	await guardWrite(async () => {
		const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
		const writes: Promise<unknown>[] = [];
		try {
			for (const record of records) writes.push(tx.store.put(record as never));
		} catch (error) {
			tx.abort();
			await Promise.allSettled([...writes, tx.done]); // aborted requests reject: settle them
			throw error;
		}
		await Promise.all([...writes, tx.done]);
	});
}

/** Runs a write and turns browser errors into StorageError, so callers handle one type. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		throw toStorageError(error);
	}
}
