/**
 * The service worker's registration and its install and update events, through workbox-window.
 * Loaded with it, once the first screen is done (pwa.svelte.ts): every page's first script keeps
 * only the state the banners read.
 */
import { Workbox } from 'workbox-window';

export interface WorkerEvents {
	/** The first worker is installed: from now on the app opens offline. */
	installed(): void;
	/**
	 * A new version is installed and waits for the person's tap: `takeOver` lets it take control
	 * (the page then reloads). It takes over by itself once the app is in the background.
	 */
	waiting(takeOver: () => void): void;
}

export async function registerWorker(url: string, events: WorkerEvents): Promise<void> {
	const wb = new Workbox(url);
	const takeOver = () => wb.messageSkipWaiting();
	let waiting = false;
	const inBackground = () => document.visibilityState === 'hidden';
	wb.addEventListener('installed', (event) => {
		if (!event.isUpdate) events.installed();
	});
	wb.addEventListener('waiting', () => {
		waiting = true;
		events.waiting(takeOver);
		if (inBackground()) takeOver();
	});
	document.addEventListener('visibilitychange', () => {
		if (waiting && inBackground()) takeOver();
	});
	try {
		await wb.register({ immediate: true }); // the wait for `load` is done by the caller
	} catch {
		// Service workers refused (a private window, a managed browser): the app still works,
		// only not offline. Nothing to tell the person here.
	}
}
