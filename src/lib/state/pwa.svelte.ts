/**
 * Install and update flow (the worker's registration itself: pwa-worker.ts, loaded late). A new
 * version waits until the person taps "update", or until the app is in the background (no
 * participant screen in view). Data lives in IndexedDB with versioned migrations, so reloading
 * into new code is safe.
 */
import { REGISTER_AFTER_LOAD_MS } from './pwa-timing';

/** Resolves REGISTER_AFTER_LOAD_MS after the page's load. */
const afterFirstScreen = (): Promise<void> =>
	new Promise((resolve) => {
		const later = () => setTimeout(resolve, REGISTER_AFTER_LOAD_MS);
		if (document.readyState === 'complete') later();
		else addEventListener('load', later, { once: true });
	});

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class PwaState {
	#updateReady = $state(false);
	#offlineReady = $state(false);
	#installEvent = $state<BeforeInstallPromptEvent | null>(null);
	#installed = $state(false);
	#isIos = $state(false);
	#takeOver: (() => void) | undefined;

	get updateReady() {
		return this.#updateReady;
	}
	get offlineReady() {
		return this.#offlineReady;
	}
	get canInstall() {
		return this.#installEvent !== null;
	}
	/** iOS has no install prompt: show pictogram instructions instead. */
	get showIosInstructions() {
		return this.#isIos && !this.#installed;
	}

	async start(swUrl: string) {
		const standalone =
			matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
		this.#installed = standalone;
		this.#isIos =
			/iphone|ipad|ipod/i.test(navigator.userAgent) ||
			(navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
		addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault();
			this.#installEvent = event as BeforeInstallPromptEvent;
		});
		addEventListener('appinstalled', () => {
			this.#installEvent = null;
			this.#installed = true;
		});
		if (!('serviceWorker' in navigator)) return;
		// A new worker taking control means new code: the page reloads into it, so the screen never
		// runs old code against the new worker's caches. Not Workbox's `isUpdate`: that is false on
		// a page opened before the first worker took control (a first visit), and such a page
		// stayed on the old code, banner still up, after the person tapped "update". The first
		// worker taking control (first visit) changes nothing on screen, so it is no reason to reload.
		let controlled = navigator.serviceWorker.controller !== null;
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (controlled || this.#updateReady) location.reload();
			controlled = true;
		});
		await afterFirstScreen();
		const { registerWorker } = await import('./pwa-worker');
		await registerWorker(swUrl, {
			installed: () => {
				this.#offlineReady = true;
				// A status, not a question: it goes away by itself after a while.
				setTimeout(() => (this.#offlineReady = false), 15_000);
			},
			waiting: (takeOver) => {
				this.#takeOver = takeOver;
				this.#updateReady = true;
			}
		});
		// Already cached by an earlier visit: offline works, say so quietly only on first install.
	}

	acceptUpdate() {
		this.#takeOver?.();
	}

	dismissOfflineReady() {
		this.#offlineReady = false;
	}

	async install() {
		const event = this.#installEvent;
		if (!event) return;
		await event.prompt();
		await event.userChoice;
		this.#installEvent = null;
	}
}

export const pwa = new PwaState();
