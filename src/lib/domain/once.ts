/**
 * The same promise on every call, until it fails (then a later call tries again): for things
 * loaded once and shared (content files, lazily imported schemas), where a failed download on
 * patchy data must not stick.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () =>
		(pending ??= load().catch((error: unknown) => {
			pending = undefined;
			throw error;
		}));
}
