/**
 * Backup and restore of the person's whole profile, evidence included. A restore is
 * checked first, shown as a preview, and applied only on confirmation, in one transaction.
 * The backup module (fflate, zod) loads only when someone uses this.
 */
import type { ParsedBackup, RestorePreview } from '../share/backup';
import { toStorageError } from '../storage/errors';
import { session } from './session.svelte';
import { quiz } from './quiz.svelte';
import { portfolio } from './portfolio.svelte';

export type BackupStatus =
	| { step: 'idle' }
	| { step: 'busy' }
	| { step: 'saved' }
	| { step: 'preview'; preview: RestorePreview }
	| { step: 'restored' }
	| { step: 'refused'; error: string };

class BackupState {
	#status = $state.raw<BackupStatus>({ step: 'idle' });
	#pending: ParsedBackup | null = null;

	get status(): BackupStatus {
		return this.#status;
	}

	async save(title: string): Promise<void> {
		this.#status = { step: 'busy' };
		try {
			const [{ createBackup, backupFileName }, { saveFile }] = await Promise.all([
				import('../share/backup'),
				import('../share/save-file')
			]);
			const blob = await createBackup(await session.db(), session.profileId);
			const outcome = await saveFile(blob, backupFileName(), title);
			this.#status = outcome === 'cancelled' ? { step: 'idle' } : { step: 'saved' };
		} catch (error) {
			this.#status = { step: 'refused', error: `storage.${toStorageError(error).kind}` };
		}
	}

	/** Reads a file and shows what restoring it would change. Nothing is written yet. */
	async check(file: Blob): Promise<void> {
		this.#status = { step: 'busy' };
		const { readBackup, previewRestore } = await import('../share/backup');
		const result = await readBackup(file);
		if (!result.ok) {
			this.#pending = null;
			this.#status = { step: 'refused', error: `backup.error.${result.error}` };
			return;
		}
		this.#pending = result.backup;
		this.#status = {
			step: 'preview',
			preview: await previewRestore(await session.db(), session.profileId, result.backup)
		};
	}

	async apply(): Promise<void> {
		const backup = this.#pending;
		if (!backup) return;
		this.#status = { step: 'busy' };
		try {
			const { applyRestore } = await import('../share/backup');
			await applyRestore(await session.db(), session.profileId, backup);
			this.#pending = null;
			await Promise.all([quiz.load(), portfolio.load()]);
			this.#status = { step: 'restored' };
		} catch (error) {
			this.#status = { step: 'refused', error: `storage.${toStorageError(error).kind}` };
		}
	}

	cancel() {
		this.#pending = null;
		this.#status = { step: 'idle' };
	}
}

export const backup = new BackupState();
