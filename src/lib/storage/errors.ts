/**
 * Storage failures the person can act on. The UI maps `kind` to a translated message;
 * nothing here is shown raw.
 */
export type StorageErrorKind = 'quota' | 'unavailable' | 'aborted' | 'unknown';

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

/** Runs a write and turns browser errors into StorageError, so callers handle one type. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		throw toStorageError(error);
	}
}
