/**
 * The recording studio (coach-facing): goes through every audio key of a language, records
 * a clip for it with MediaRecorder, plays it back, re-records or deletes it, and exports or
 * imports the language's voice pack. Clips belong to the device, not to a profile.
 */
import type { Recording } from '../audio/recorder';
import { flattenUiTexts, studioEntries, type StudioEntry, type StudioSection } from '../domain/studio-keys';
import { normaliseClipMime, MAX_CLIP_BYTES, type ClipRecord } from '../domain/voice-clips';
import { toStorageError } from '../storage/errors';
import { content } from './content.svelte';
import { session } from './session.svelte';

/** A minute of speech is plenty for one prompt, and stays under the voice-pack clip limit. */
export const MAX_RECORDING_MS = 60_000;

export type StudioMessage =
	| { kind: 'saved' | 'deleted' | 'exported' }
	| { kind: 'imported'; count: number }
	| { kind: 'refused'; problems: { code: string; key?: string; file?: string }[] }
	| { kind: 'error'; key: string };

class StudioState {
	#lang = $state('fr');
	#entries = $state.raw<StudioEntry[]>([]);
	#recorded = $state.raw<Set<string>>(new Set());
	#position = $state(0);
	#section = $state<StudioSection | 'all'>('all');
	#missingOnly = $state(false);
	#recording = $state(false);
	#busy = $state(false);
	#message = $state.raw<StudioMessage | null>(null);
	#active: Recording | undefined;
	/** The key being recorded, fixed when recording starts. */
	#recordingKey: string | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	readonly visible: StudioEntry[] = $derived(
		this.#entries.filter(
			(entry) =>
				(this.#section === 'all' || entry.section === this.#section) &&
				(!this.#missingOnly || !this.#recorded.has(entry.key))
		)
	);
	readonly current: StudioEntry | undefined = $derived(this.visible[Math.min(this.#position, this.visible.length - 1)]);
	readonly missingCount: number = $derived(this.#entries.filter((e) => !this.#recorded.has(e.key)).length);

	get lang() {
		return this.#lang;
	}
	get total() {
		return this.#entries.length;
	}
	get position() {
		return Math.min(this.#position, Math.max(0, this.visible.length - 1));
	}
	get section() {
		return this.#section;
	}
	get missingOnly() {
		return this.#missingOnly;
	}
	get recording() {
		return this.#recording;
	}
	get busy() {
		return this.#busy;
	}
	get message() {
		return this.#message;
	}
	isRecorded = (key: string): boolean => this.#recorded.has(key);

	async open(lang: string): Promise<void> {
		this.#busy = true;
		this.#lang = lang;
		try {
			const [{ interfaceTexts }, packTexts, recorded] = await Promise.all([
				import('../i18n/i18n'),
				content.textsIn(lang),
				this.#clipKeys(lang)
			]);
			this.#entries = studioEntries(packTexts, flattenUiTexts(await interfaceTexts(lang)));
			this.#recorded = recorded;
			this.#position = 0;
		} finally {
			this.#busy = false;
		}
	}

	async #clipKeys(lang: string) {
		const { listClipKeys } = await import('../storage/clips');
		return listClipKeys(await session.db(), lang);
	}

	filter(section: StudioSection | 'all', missingOnly: boolean) {
		this.#section = section;
		this.#missingOnly = missingOnly;
		this.#position = 0;
	}

	move(step: number) {
		const count = this.visible.length;
		if (count) this.#position = (this.position + step + count) % count;
	}

	nextMissing() {
		const from = this.position;
		const visible = this.visible;
		for (let i = 1; i <= visible.length; i++) {
			const at = (from + i) % visible.length;
			if (!this.#recorded.has(visible[at]!.key)) return void (this.#position = at);
		}
	}

	async startRecording(): Promise<void> {
		const entry = this.current;
		if (!entry || this.#recording) return;
		this.#message = null;
		try {
			const { startRecording } = await import('../audio/recorder');
			this.#active = await startRecording();
			this.#recordingKey = entry.key;
			this.#recording = true;
			this.#timer = setTimeout(() => void this.stopRecording(), MAX_RECORDING_MS);
		} catch {
			this.#message = { kind: 'error', key: 'studio.noMicrophone' };
		}
	}

	async stopRecording(): Promise<void> {
		const key = this.#recordingKey;
		const active = this.#active;
		clearTimeout(this.#timer);
		this.#active = undefined;
		if (!active || !key) return;
		const startedAt = Date.now();
		const { blob, mime } = await active.stop();
		this.#recording = false;
		const type = normaliseClipMime(mime);
		if (!type || blob.size === 0 || blob.size > MAX_CLIP_BYTES) {
			this.#message = { kind: 'error', key: 'studio.recordFailed' };
			return;
		}
		const clip: ClipRecord = {
			lang: this.#lang,
			key,
			mime: type,
			blob: blob.type === type ? blob : new Blob([blob], { type }),
			bytes: blob.size,
			recordedAt: new Date(startedAt).toISOString()
		};
		await this.#write(async (db, clips) => clips.saveClips(db, [clip]), 'saved');
	}

	async listen(): Promise<boolean> {
		const entry = this.current;
		if (!entry) return false;
		const [{ findClips }, { playClips }] = await Promise.all([
			import('../storage/clips'),
			import('../audio/audio-output')
		]);
		const clips = await findClips(await session.db(), this.#lang, [entry.key]);
		if (!clips) return false;
		await playClips(clips.map((c) => c.blob));
		return true;
	}

	async remove(): Promise<void> {
		const entry = this.current;
		if (entry) await this.#write((db, clips) => clips.deleteClip(db, this.#lang, entry.key), 'deleted');
	}

	async exportPack(): Promise<void> {
		this.#busy = true;
		try {
			const [{ listClips }, { exportVoicePack, voicePackFileName }, { saveFile }] = await Promise.all([
				import('../storage/clips'),
				import('../share/voice-pack'),
				import('../share/save-file')
			]);
			const clips = await listClips(await session.db(), this.#lang);
			const blob = await exportVoicePack(this.#lang, clips);
			const outcome = await saveFile(blob, voicePackFileName(this.#lang, new Date()), 'Atouts', false);
			if (outcome !== 'cancelled') this.#message = { kind: 'exported' };
		} catch (error) {
			// A stored clip that would not read back (VoicePackRefusal) is named, not hidden.
			const problems = (error as { problems?: { code: string; key?: string; file?: string }[] }).problems;
			this.#message = problems
				? { kind: 'refused', problems: problems.slice(0, 5) }
				: { kind: 'error', key: `storage.${toStorageError(error).kind}` };
		} finally {
			this.#busy = false;
		}
	}

	/** Checks the whole file first; stores its clips in one transaction only if all is well. */
	async importPack(file: Blob): Promise<void> {
		this.#busy = true;
		this.#message = null;
		try {
			const { readVoicePack } = await import('../share/voice-pack');
			const result = await readVoicePack(file);
			if (!result.ok) {
				this.#message = { kind: 'refused', problems: result.problems.slice(0, 5) };
				return;
			}
			const { saveClips } = await import('../storage/clips');
			await saveClips(await session.db(), result.clips);
			this.#message = { kind: 'imported', count: result.clips.length };
			await this.open(result.lang);
		} catch (error) {
			this.#message = { kind: 'error', key: `storage.${toStorageError(error).kind}` };
		} finally {
			this.#busy = false;
		}
	}

	async #write(
		action: (db: Awaited<ReturnType<typeof session.db>>, clips: typeof import('../storage/clips')) => Promise<void>,
		done: 'saved' | 'deleted'
	) {
		try {
			const clips = await import('../storage/clips');
			const db = await session.db();
			await action(db, clips);
			this.#recorded = await clips.listClipKeys(db, this.#lang);
			this.#message = { kind: done };
		} catch (error) {
			this.#message = { kind: 'error', key: `storage.${toStorageError(error).kind}` };
		}
	}
}

export const studio = new StudioState();
