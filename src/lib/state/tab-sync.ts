/**
 * Several tabs of Atouts on one device: when a tab writes, it tells the others, which reload
 * what they show from IndexedDB. With the write-once check on answers (storage/answers.ts),
 * a tab that was behind never overwrites another tab's newer answers.
 */
export type SyncedData = 'answers' | 'rounds' | 'picks' | 'settings' | 'evidence' | 'visibility' | 'coach';

export interface TabChange {
	profileId: string;
	what: SyncedData;
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('atouts') : null;

/** Tells the other tabs (not this one) that some data of a profile changed. */
export function announce(profileId: string, what: SyncedData): void {
	channel?.postMessage({ profileId, what } satisfies TabChange);
}

export function onOtherTabChange(listener: (change: TabChange) => void): () => void {
	if (!channel) return () => undefined;
	const handler = (event: MessageEvent<TabChange>) => listener(event.data);
	channel.addEventListener('message', handler);
	return () => channel.removeEventListener('message', handler);
}
