/**
 * Coach mode: the coach's review of the open profile (notes, endorsements, next steps), the
 * coach's own caseload of portfolios received by link, and the evaluation export.
 *
 * Access: the coach PIN (set once, hashed in the device's settings, with the back-off of
 * picture codes) or, in workshop mode, the facilitator: a facilitator who entered their PIN on
 * this page (workshop.facilitator) and follows a link to /coach finds it open; otherwise the
 * facilitator PIN typed here opens it too. Coach mode stays open for the profile it was opened on, in this
 * tab only (sessionStorage): changing person reloads the page on another profile, which closes it.
 * Reading notes needs no PIN: they are part of the participant's own portfolio.
 */
import type { CaseloadEntry, CoachNote, NextStep } from '../domain/records';
import type { EvaluationSource } from '../domain/evaluation';
import type { SharedCompetence, SharedNextStep, SharedPortfolio } from '../share/link-codec';
import { stripHiddenControls } from '../domain/text-safety';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { content } from './content.svelte';
import { session } from './session.svelte';
import { announce, onOtherTabChange } from './tab-sync';
import { workshop } from './workshop.svelte';

const OPEN_KEY = 'atouts.coach';
const IDENTITY_KEY = 'atouts.coachIdentity';
const storage = () => import('../storage/coach');
export type Identity = { coach: string; structure: string };
export type PinResult = { ok: true } | { ok: false; waitMs: number };

/** Typed text as it is stored: no hidden controls or markup, one line, at most `max` UTF-16 units. */
export function cleanText(text: string, max: number): string {
	const flat = stripHiddenControls(text.normalize('NFC')).replace(/</g, '‹').replace(/\s+/g, ' ').trim();
	const points = Array.from(flat);
	while (points.join('').length > max) points.pop();
	return points.join('').trim();
}

function sessionValue(key: string, value?: string | null): string | null {
	try {
		if (value === null) sessionStorage.removeItem(key);
		else if (value !== undefined) sessionStorage.setItem(key, value);
		return sessionStorage.getItem(key);
	} catch {
		return null;
	}
}

class CoachState {
	#openFor = $state<string | null>(null);
	#identity = $state<Identity>({ coach: '', structure: '' });
	#notes = $state.raw<CoachNote[]>([]);
	#steps = $state.raw<NextStep[]>([]);
	#caseload = $state.raw<CaseloadEntry[]>([]);
	#notesFor = $state<string | null>(null);
	#error = $state<StorageErrorKind | null>(null);

	/** The profile under review, or null when no one is open on this device. */
	get profileId(): string | null {
		return session.ready && !session.needsPicker ? session.profileId : null;
	}
	#key() {
		return this.profileId ?? '-';
	}
	/** Coach mode is set up on this device (a coach PIN exists). */
	get isSetUp() {
		return Boolean(session.device.coachPin);
	}
	/** In workshop mode the facilitator PIN opens coach mode too. */
	get facilitatorCanOpen() {
		return session.device.workshop && workshop.hasPin;
	}
	get open() {
		return session.ready && (this.#openFor === this.#key() || workshop.facilitator);
	}
	get identity(): Readonly<Identity> {
		return this.#identity;
	}
	get notes(): readonly CoachNote[] {
		return this.#notes;
	}
	get steps(): readonly NextStep[] {
		return this.#steps;
	}
	get caseload(): readonly CaseloadEntry[] {
		return this.#caseload;
	}
	get error() {
		return this.#error;
	}
	noteOf = (competence: string) => this.#notes.find((n) => n.competence === competence);

	/** Restores an open coach mode after a reload of the same profile, and the coach's name. */
	async boot() {
		await session.boot();
		if (sessionValue(OPEN_KEY) === this.#key()) this.#openFor = this.#key();
		try {
			const saved = JSON.parse(localStorage.getItem(IDENTITY_KEY) ?? 'null') as Partial<Identity> | null;
			if (saved)
				this.#identity = { coach: cleanText(saved.coach ?? '', 60), structure: cleanText(saved.structure ?? '', 60) };
		} catch {
			// no storage, or a broken value: the coach types it again
		}
	}

	#opened() {
		this.#openFor = this.#key();
		sessionValue(OPEN_KEY, this.#key());
	}

	/** Sets the coach PIN the first time (or after a facilitator opened coach mode). */
	async setPin(pin: string): Promise<boolean> {
		const { hashSecret, isPin } = await import('../domain/picture-code');
		if (!isPin(pin) || (this.isSetUp && !this.open) || (this.facilitatorCanOpen && !this.open)) return false;
		const { coachFailures: _f, coachLastFailureAt: _l, ...device } = session.device;
		const ok = await session.updateDevice({ ...device, coachPin: await hashSecret(pin) });
		if (ok) this.#opened();
		return ok;
	}

	/** The coach PIN, or in workshop mode the facilitator PIN. */
	async enter(pin: string): Promise<PinResult> {
		const { checkCoachPin } = await storage();
		const { loadDeviceSettings } = await import('../storage/device');
		const db = await session.db();
		let result: PinResult = await checkCoachPin(db, pin);
		await session.updateDevice(await loadDeviceSettings(db)); // the count of wrong attempts
		if (!result.ok && this.facilitatorCanOpen) result = await workshop.checkPin(pin);
		if (result.ok) this.#opened();
		return result;
	}

	leave() {
		this.#openFor = null;
		sessionValue(OPEN_KEY, null);
		workshop.leave();
	}

	setIdentity(identity: Identity) {
		this.#identity = { coach: cleanText(identity.coach, 60), structure: cleanText(identity.structure, 60) };
		try {
			localStorage.setItem(IDENTITY_KEY, JSON.stringify(this.#identity));
		} catch {
			// remembered for this page only
		}
	}

	async #attempt(write: () => Promise<void>): Promise<boolean> {
		try {
			await write();
			this.#error = null;
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	/** The open profile's coach notes and next steps (also for the participant's own portfolio). */
	async loadNotes() {
		await session.boot();
		const id = this.profileId;
		if (id && (await session.mayHaveData())) {
			const { listCoachNotes, listNextSteps } = await storage();
			const db = await session.db();
			[this.#notes, this.#steps] = await Promise.all([listCoachNotes(db, id), listNextSteps(db, id)]);
		} else [this.#notes, this.#steps] = [[], []]; // no profile open, or a first visit: nothing to read
		this.#notesFor = id;
	}
	get notesLoaded() {
		return this.#notesFor !== null && this.#notesFor === this.profileId;
	}

	async saveNote(competence: string, review: { validated: boolean; comment: string; endorse: boolean }) {
		const profileId = this.profileId;
		if (!profileId || !this.open) return false;
		const comment = cleanText(review.comment, 280);
		const { coach, structure } = this.#identity;
		const note: CoachNote = {
			profileId,
			competence,
			validated: review.validated,
			...(comment ? { comment } : {}),
			...(review.endorse && coach && structure ? { endorsement: { coach, structure } } : {}),
			at: Date.now()
		};
		const empty = !note.validated && !note.comment && !note.endorsement;
		const { saveCoachNote, deleteCoachNote } = await storage();
		const ok = await this.#attempt(async () => {
			const db = await session.db();
			await (empty ? deleteCoachNote(db, profileId, competence) : saveCoachNote(db, note));
		});
		if (ok) {
			this.#notes = [...this.#notes.filter((n) => n.competence !== competence), ...(empty ? [] : [note])];
			announce(profileId, 'coach');
		}
		return ok;
	}

	async addStep(step: Pick<NextStep, 'kind' | 'text' | 'date'>): Promise<boolean> {
		const profileId = this.profileId;
		const text = cleanText(step.text, 200);
		if (!profileId || !this.open || !text || !/^\d{4}-\d{2}-\d{2}$/.test(step.date)) return false;
		const coach = this.#identity.coach;
		const record: NextStep = {
			id: crypto.randomUUID(),
			profileId,
			kind: step.kind,
			text,
			date: step.date,
			...(coach ? { coach } : {}),
			at: Date.now()
		};
		const { saveNextStep } = await storage();
		const ok = await this.#attempt(async () => saveNextStep(await session.db(), record));
		if (ok) this.#steps = [...this.#steps, record].sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at);
		return ok;
	}

	async removeStep(id: string): Promise<boolean> {
		const { deleteNextStep } = await storage();
		const ok = this.open && (await this.#attempt(async () => deleteNextStep(await session.db(), id)));
		if (ok) this.#steps = this.#steps.filter((s) => s.id !== id);
		return ok;
	}

	/** "Save to my phone" of a link: its coach marks and next steps become this profile's. */
	async importMarks(
		competences: readonly SharedCompetence[],
		at: number,
		steps: readonly SharedNextStep[] = []
	): Promise<boolean> {
		const profileId = this.profileId;
		if (!profileId || (!steps.length && !competences.some((c) => c.validated || c.endorsedBy))) return true;
		const [{ listCoachNotes, listNextSteps, saveCoachNotes }, { notesFromLink, stepsFromLink }] = await Promise.all([
			storage(),
			import('../share/coach-marks')
		]);
		return this.#attempt(async () => {
			const db = await session.db();
			const notes = notesFromLink(profileId, competences, at, await listCoachNotes(db, profileId));
			const newSteps = stepsFromLink(profileId, steps, await listNextSteps(db, profileId), at, () =>
				crypto.randomUUID()
			);
			await saveCoachNotes(db, notes, newSteps);
			announce(profileId, 'coach');
		});
	}

	async loadCaseload() {
		const { listCaseload } = await storage();
		this.#caseload = this.open ? await listCaseload(await session.db()) : [];
	}

	/** Adds a person's portfolio (from their link, their consent) to the caseload: 'new' or 'again'. */
	async addToCaseload(label: string, portfolio: SharedPortfolio): Promise<'new' | 'again' | 'failed'> {
		const name = cleanText(label, 40);
		if (!this.open || !name) return 'failed';
		const { addCaseloadSnapshot } = await storage();
		const levels = Object.fromEntries(portfolio.competences.map((c) => [c.id, c.level]));
		let isNew = true;
		const ok = await this.#attempt(async () => {
			const snapshot = { at: portfolio.issuedAt, levels, rounds: 0 };
			({ isNew } = await addCaseloadSnapshot(await session.db(), name, snapshot));
		});
		if (!ok) return 'failed';
		await this.loadCaseload();
		return isNew ? 'new' : 'again';
	}

	async removeFromCaseload(id: string): Promise<boolean> {
		const { deleteCaseloadEntry } = await storage();
		const ok = this.open && (await this.#attempt(async () => deleteCaseloadEntry(await session.db(), id)));
		if (ok) this.#caseload = this.#caseload.filter((e) => e.id !== id);
		return ok;
	}

	/** The evaluation CSV over the caseload or over this device's profiles; null when nothing counts. */
	async evaluationCsv(source: EvaluationSource, now = Date.now()): Promise<string | null> {
		if (!this.open) return null;
		const [evaluation, { listProfiles }, { listAnswers }, { listRounds }] = await Promise.all([
			import('../domain/evaluation'),
			import('../storage/profiles'),
			import('../storage/answers'),
			import('../storage/rounds'),
			content.load()
		]);
		const db = await session.db();
		const people =
			source === 'caseload'
				? (await (await storage()).listCaseload(db)).map(evaluation.seriesFromCaseload)
				: await Promise.all(
						(await listProfiles(db)).map(async (p) =>
							evaluation.seriesFromAnswers(await listAnswers(db, p.id), await listRounds(db, p.id))
						)
					);
		const row = evaluation.evaluate(source, people, (id) => content.index?.competence(id), now);
		return row.people ? evaluation.evaluationCsv(row) : null;
	}
}

export const coach = new CoachState();

// The review changed in another tab of this profile: show what is stored.
onOtherTabChange((change) => {
	if (coach.notesLoaded && change.profileId === coach.profileId && change.what === 'coach') void coach.loadNotes();
});
