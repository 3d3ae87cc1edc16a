/**
 * The person's evidence (photos, voice notes) and what they hide from sharing. Every
 * change is written before it shows; a failed write leaves the screen as it was.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { EvidenceRecord } from '../domain/records';
import { toStorageError, type StorageErrorKind } from '../storage/errors';
import { session } from './session.svelte';
import { announce, onOtherTabChange } from './tab-sync';

/** Imported on first use, not with the screen (see record-storage.ts). */
const storage = () => import('../storage/record-storage');

class PortfolioState {
	#evidence = $state.raw<EvidenceRecord[]>([]);
	readonly #hidden = new SvelteSet<string>();
	#error = $state<StorageErrorKind | null>(null);
	#loaded = $state(false);

	get evidence(): readonly EvidenceRecord[] {
		return this.#evidence;
	}
	get hidden(): ReadonlySet<string> {
		return this.#hidden;
	}
	get error() {
		return this.#error;
	}
	get loaded() {
		return this.#loaded;
	}

	evidenceOf = (competence: string) => this.#evidence.filter((e) => e.competence === competence);

	async load() {
		await session.boot();
		if (!(await session.mayHaveData())) {
			this.#loaded = true; // a first visit: no evidence yet, nothing to read
			return;
		}
		const { listEvidence, listHiddenCompetences } = await storage();
		const db = await session.db();
		const [evidence, hidden] = await Promise.all([
			listEvidence(db, session.profileId),
			listHiddenCompetences(db, session.profileId)
		]);
		this.#evidence = evidence;
		this.#hidden.clear();
		for (const id of hidden) this.#hidden.add(id);
		this.#loaded = true;
	}

	async #attempt(write: () => Promise<void>): Promise<boolean> {
		try {
			await write();
			this.#error = null;
			announce(session.profileId, 'evidence');
			return true;
		} catch (error) {
			this.#error = toStorageError(error).kind;
			return false;
		}
	}

	async addEvidence(competence: string, kind: 'photo' | 'voice', blob: Blob, mime: string): Promise<boolean> {
		const record: EvidenceRecord = {
			id: crypto.randomUUID(),
			profileId: session.profileId,
			competence,
			kind,
			mime,
			blob,
			bytes: blob.size,
			createdAt: Date.now(),
			hidden: false
		};
		const ok = await this.#attempt(async () => (await storage()).saveEvidence(await session.db(), record));
		if (ok) this.#evidence = [...this.#evidence, record];
		return ok;
	}

	async removeEvidence(id: string): Promise<boolean> {
		const ok = await this.#attempt(async () => (await storage()).deleteEvidence(await session.db(), id));
		if (ok) this.#evidence = this.#evidence.filter((e) => e.id !== id);
		return ok;
	}

	async setEvidenceHidden(id: string, hidden: boolean): Promise<boolean> {
		const record = this.#evidence.find((e) => e.id === id);
		if (!record) return false;
		const next = { ...record, hidden };
		const ok = await this.#attempt(async () => (await storage()).saveEvidence(await session.db(), next));
		if (ok) this.#evidence = this.#evidence.map((e) => (e.id === id ? next : e));
		return ok;
	}

	async setCompetenceHidden(competence: string, hidden: boolean): Promise<boolean> {
		const ok = await this.#attempt(async () =>
			(await storage()).setCompetenceHidden(await session.db(), session.profileId, competence, hidden)
		);
		if (ok && hidden) this.#hidden.add(competence);
		else if (ok) this.#hidden.delete(competence);
		return ok;
	}
}

export const portfolio = new PortfolioState();

// Evidence or sharing choices changed in another tab of this profile: show what is stored.
onOtherTabChange((change) => {
	if (portfolio.loaded && change.profileId === session.profileId && ['evidence', 'visibility'].includes(change.what))
		void portfolio.load();
});
