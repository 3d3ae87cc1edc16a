/**
 * The quiz: experiences picked, the current round, and every answer of the profile.
 * An answer is on disk before the next card shows: `answer()` only advances once the
 * write has completed, and a failed write keeps the card, says so, and retries.
 */
import type { AnswerRecord, ExperiencePick, RoundRecord } from '../domain/records';
import { selectRound } from '../domain/card-selection';
import { suggestedCompetences } from '../domain/experience-picks';
import { competenceLevels, competenceLevelsInSlices, roundStrengths, type CompetenceLevel } from '../domain/scoring';
import { announce, onOtherTabChange } from './tab-sync';
import { requestPersistence } from '../storage/persistence';
import { firstVisitAtFirstPaint } from '../storage/first-visit';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { content } from './content.svelte';
import { session } from './session.svelte';

/** Imported on first use, not with the screen (see record-storage.ts). */
const storage = () => import('../storage/record-storage');

export type AnswerValue = AnswerRecord['value'];
const RETRY_DELAYS_MS = [500, 1500, 4000];

class QuizState {
	#loaded = $state(false);
	/** A first visit's first render knows already: nothing is stored (see firstVisitAtFirstPaint). */
	#stored = $state(firstVisitAtFirstPaint());
	#answers = $state.raw<AnswerRecord[]>([]);
	#rounds = $state.raw<RoundRecord[]>([]);
	#picks = $state.raw<ExperiencePick[]>([]);
	#saving = $state(false);
	#error = $state<StorageErrorKind | null>(null);
	#pending: AnswerRecord | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;

	/** The round in progress: started, not finished. */
	readonly round: RoundRecord | null = $derived(this.#rounds.findLast((r) => r.finishedAt === undefined) ?? null);
	readonly lastFinishedRound: RoundRecord | null = $derived(
		this.#rounds
			.filter((r) => r.finishedAt !== undefined)
			.sort((a, b) => a.finishedAt! - b.finishedAt!)
			.at(-1) ?? null
	);
	readonly roundAnswers: AnswerRecord[] = $derived(
		this.round ? this.#answers.filter((a) => a.roundId === this.round!.id).sort((a, b) => a.at - b.at) : []
	);
	readonly position: number = $derived(this.roundAnswers.length);
	readonly currentCardId: string | null = $derived(this.round?.cardIds[this.position] ?? null);
	/** Levels worked out in slices while loading (see load), so the first render does not compute them. */
	#loadedLevels: { answers: readonly AnswerRecord[]; levels: Map<string, CompetenceLevel> } | null = null;
	readonly levels: Map<string, CompetenceLevel> = $derived(
		this.#loadedLevels?.answers === this.#answers ? this.#loadedLevels.levels : competenceLevels(this.#answers)
	);
	readonly strengths: CompetenceLevel[] = $derived(
		this.lastFinishedRound ? roundStrengths(this.#answers, this.lastFinishedRound.id) : []
	);

	/** The person's records and the content are loaded. */
	get loaded() {
		return this.#loaded;
	}
	/**
	 * The person's records are read; the content may still be loading. A screen with nothing to
	 * show from the content (a first visit: no round, no strengths, no competences) can show now.
	 */
	get stored() {
		return this.#stored;
	}
	get answers(): readonly AnswerRecord[] {
		return this.#answers;
	}
	get picks(): readonly ExperiencePick[] {
		return this.#picks;
	}
	get saving() {
		return this.#saving;
	}
	get error() {
		return this.#error;
	}

	async load(): Promise<void> {
		// The records are read while the content loads, not after it (see stored).
		const contentLoaded = content.load();
		// A first visit has nothing stored: its empty screens show now, without the storage layer
		// and without creating the database only to find it empty.
		if (!(await session.mayHaveData())) {
			this.#stored = true;
			await Promise.all([session.boot(), contentLoaded]);
			this.#loaded = true;
			return;
		}
		await session.boot();
		const { listAnswers, listRounds, listPicks } = await storage();
		const db = await session.db();
		const profileId = session.profileId;
		const [answers, rounds, picks] = await Promise.all([
			listAnswers(db, profileId),
			listRounds(db, profileId),
			listPicks(db, profileId)
		]);
		this.#loadedLevels = { answers, levels: await competenceLevelsInSlices(answers) };
		this.#answers = answers;
		this.#rounds = rounds;
		this.#picks = picks;
		// A round whose last answer was saved but whose end was not (page closed just then).
		const done = this.round;
		if (done && this.position >= done.cardIds.length) await this.#finish(done).catch(() => undefined);
		this.#stored = true;
		await contentLoaded;
		this.#loaded = true;
	}

	async savePicks(picks: ExperiencePick[]): Promise<boolean> {
		try {
			const { replacePicks } = await storage();
			await replacePicks(await session.db(), session.profileId, picks);
			this.#picks = picks;
			announce(session.profileId, 'picks');
			this.#error = null;
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/**
	 * The content packs, downloaded if they are not yet. A failed download (patchy data on a first
	 * visit) is said (error `download`), changes nothing, and the next tap tries again.
	 */
	async loadContent(): Promise<boolean> {
		try {
			await content.load();
			if (this.#error === 'download') this.#error = null;
			return true;
		} catch {
			this.#error = 'download';
			return false;
		}
	}

	/** Starts a round from the picked experiences. Returns false when there is nothing to ask. */
	async startRound(now = Date.now()): Promise<boolean> {
		// The start screen can show before the content has loaded.
		if (!(await this.loadContent())) return false;
		const index = content.index;
		if (!index) return false;
		const lastAnswered = new Map(this.#answers.map((a) => [a.cardId, a.at]));
		const seed = crypto.randomUUID();
		const cards = selectRound({
			cards: index.cards,
			competences: suggestedCompetences(index.experiences, this.#picks),
			lastAnswered,
			seed
		});
		if (cards.length === 0) return false;
		// An abandoned round is closed, not deleted: its answers stay in the history.
		const open = this.round;
		const round: RoundRecord = {
			id: seed,
			profileId: session.profileId,
			seed,
			cardIds: cards.map((c) => c.id),
			startedAt: now
		};
		try {
			const { saveRound } = await storage();
			const db = await session.db();
			if (open) await saveRound(db, { ...open, finishedAt: now });
			await saveRound(db, round);
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
		this.#rounds = [...this.#rounds.map((r) => (r.id === open?.id ? { ...r, finishedAt: now } : r)), round];
		announce(session.profileId, 'rounds');
		return true;
	}

	async answer(value: AnswerValue): Promise<void> {
		const round = this.round;
		const cardId = this.currentCardId;
		if (!round || !cardId || this.#saving) return;
		this.#pending = {
			id: crypto.randomUUID(),
			profileId: round.profileId,
			roundId: round.id,
			cardId,
			packId: content.index?.packOfCard(cardId) ?? 'unknown',
			at: Math.max(Date.now(), (this.roundAnswers.at(-1)?.at ?? 0) + 1),
			value
		};
		await this.#flush(0);
	}

	/** Tries the pending write again now (the person tapped "try again"). */
	retry(): Promise<void> {
		clearTimeout(this.#retryTimer);
		return this.#flush(0);
	}

	async #flush(attempt: number): Promise<void> {
		const record = this.#pending;
		if (!record) return;
		this.#saving = true;
		try {
			const { saveAnswer } = await storage();
			const db = await session.db();
			const saved = await saveAnswer(db, record);
			this.#pending = null;
			this.#error = null;
			if (!saved) return void (await this.load()); // another tab answered this card first
			this.#answers = [...this.#answers, record];
			announce(record.profileId, 'answers');
			if (this.#answers.length === 1) void requestPersistence().then(() => session.protectStorage());
			if (this.round && this.position >= this.round.cardIds.length) await this.#finish(this.round);
		} catch (error) {
			this.#error = toStorageError(error).kind;
			const delay = RETRY_DELAYS_MS[attempt];
			if (delay !== undefined) this.#retryTimer = setTimeout(() => void this.#flush(attempt + 1), delay);
		} finally {
			this.#saving = false;
		}
	}

	async #finish(round: RoundRecord) {
		const finished = { ...round, finishedAt: Date.now() };
		const { saveRound } = await storage();
		await saveRound(await session.db(), finished);
		this.#rounds = this.#rounds.map((r) => (r.id === round.id ? finished : r));
	}

	/** "Save to my phone": levels from a shared link join this profile's history. */
	async importLevels(levels: readonly { competence: string; level: 1 | 2 | 3; at: number }[]): Promise<boolean> {
		try {
			const { saveImportedLevels, listAnswers } = await storage();
			const db = await session.db();
			await saveImportedLevels(db, session.profileId, levels);
			this.#answers = await listAnswers(db, session.profileId);
			announce(session.profileId, 'answers');
			this.#error = null;
			void session.protectStorage();
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/** Takes back the last answer of the round in progress. */
	async undo(): Promise<void> {
		const last = this.roundAnswers.at(-1);
		if (!last || this.#saving) return;
		try {
			const { deleteAnswer } = await storage();
			await deleteAnswer(await session.db(), last.id);
			this.#answers = this.#answers.filter((a) => a.id !== last.id);
			announce(session.profileId, 'answers');
			this.#error = null;
		} catch (error) {
			this.#error = toStorageError(error).kind;
		}
	}
}

export const quiz = new QuizState();

// Another tab of this profile answered, undid, picked or started a round: show what is stored.
onOtherTabChange((change) => {
	if (quiz.loaded && change.profileId === session.profileId && ['answers', 'rounds', 'picks'].includes(change.what))
		void quiz.load();
});
