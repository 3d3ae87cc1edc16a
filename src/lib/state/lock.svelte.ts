/**
 * Auto-lock: after a while without a touch or a key, a spoken and visual warning asks
 * "still here?"; without an answer the profile locks (a guest is wiped). Answers are saved
 * on each tap, so nothing is lost. The timing is src/lib/domain/inactivity.ts; this class only
 * listens for activity and checks once a second (and when the tablet wakes up).
 */
import { inactivityPhase, inactivityPlan, type InactivityPlan } from '../domain/inactivity';
import { voice } from './voice.svelte';
import { recordingsInProgress } from '../audio/recorder';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

class LockState {
	#warning = $state(false);
	#secondsLeft = $state(0);
	#lastActivity = 0;
	#plan: InactivityPlan = inactivityPlan(3);
	#timer: ReturnType<typeof setInterval> | undefined;
	#onLock: (() => void) | undefined;
	#locking = false;

	get warning() {
		return this.#warning;
	}
	get secondsLeft() {
		return this.#secondsLeft;
	}

	/** Starts watching. Returns the function that stops it. */
	start(minutes: number, onLock: () => void): () => void {
		this.stop();
		this.#plan = inactivityPlan(minutes);
		this.#onLock = onLock;
		this.#locking = false;
		this.#lastActivity = Date.now();
		for (const type of ACTIVITY_EVENTS) addEventListener(type, this.#activity, { capture: true, passive: true });
		document.addEventListener('visibilitychange', this.#check);
		this.#timer = setInterval(this.#check, 1000);
		return () => this.stop();
	}

	stop() {
		clearInterval(this.#timer);
		this.#timer = undefined;
		for (const type of ACTIVITY_EVENTS) removeEventListener(type, this.#activity, { capture: true });
		document.removeEventListener('visibilitychange', this.#check);
		this.#warning = false;
	}

	/** The one-tap answer to the warning. */
	stillHere = () => {
		this.#lastActivity = Date.now();
		this.#warning = false;
		voice.stop();
	};

	/** A touch or a key. While the warning shows, only its answer counts (a tap meant for it
	 *  must not close it on pointerdown and land on the screen behind). */
	#activity = () => {
		if (!this.#warning) this.#lastActivity = Date.now();
	};

	#check = () => {
		if (this.#locking) return;
		// Someone recording a voice note or a studio clip is there, even without touching the screen.
		if (recordingsInProgress() > 0 && !this.#warning) this.#lastActivity = Date.now();
		const state = inactivityPhase(this.#lastActivity, Date.now(), this.#plan);
		if (state.phase === 'locked') {
			this.#locking = true;
			this.stop();
			this.#onLock?.();
		} else if (state.phase === 'warning') {
			this.#secondsLeft = state.secondsLeft;
			if (!this.#warning) {
				this.#warning = true;
				voice.sayUi('lock.warning');
			}
		} else if (this.#warning) this.#warning = false;
	};
}

export const lock = new LockState();
