/** Persistent storage keeps the browser from evicting a person's portfolio when space runs low. */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export async function persistenceState(): Promise<PersistenceState> {
	if (!globalThis.navigator?.storage?.persisted) return 'unsupported';
	return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
}

/** Ask once there is something worth keeping (first saved answer, install, or a tap in settings). */
export async function requestPersistence(): Promise<PersistenceState> {
	if (!globalThis.navigator?.storage?.persist) return 'unsupported';
	try {
		return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
	} catch {
		return 'best-effort';
	}
}
