import { describe, it, expect } from 'vitest';
import { guardWrite, StorageError, toStorageError } from '../../../src/lib/storage/errors';

describe('toStorageError', () => {
	it.each([
		['QuotaExceededError', 'quota'],
		['AbortError', 'aborted'],
		['InvalidStateError', 'unavailable'],
		['UnknownError', 'unavailable'],
		['ConstraintError', 'unknown'],
		['TypeError', 'unknown']
	])('maps a DOMException %s to %s, keeping the cause', (name, kind) => {
		const cause = new DOMException('boom', name);
		const error = toStorageError(cause);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.kind).toBe(kind);
		expect(error.cause).toBe(cause);
		expect(error.message).toBe(`storage: ${kind}`);
	});

	it('maps plain objects by their name too', () => {
		expect(toStorageError({ name: 'QuotaExceededError' }).kind).toBe('quota');
	});

	it('maps anything else, even null or a string, to unknown', () => {
		expect(toStorageError(null).kind).toBe('unknown');
		expect(toStorageError(undefined).kind).toBe('unknown');
		expect(toStorageError('disk full').kind).toBe('unknown');
		expect(toStorageError(new Error('x')).kind).toBe('unknown');
	});

	it('returns a StorageError unchanged', () => {
		const original = new StorageError('quota');
		expect(toStorageError(original)).toBe(original);
	});
});

describe('guardWrite', () => {
	it('passes the result through', async () => {
		await expect(guardWrite(async () => 42)).resolves.toBe(42);
	});

	it('turns a browser error into a StorageError', async () => {
		const failure = guardWrite(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
		await expect(failure).rejects.toBeInstanceOf(StorageError);
		await expect(failure).rejects.toMatchObject({ kind: 'quota' });
	});
});
