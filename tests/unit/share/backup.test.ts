import { describe, it, expect, vi, afterEach } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import {
	BACKUP_MIME,
	BackupRefusal,
	applyRestore,
	backupFileName,
	createBackup,
	previewRestore,
	readBackup,
	type ParsedBackup
} from '../../../src/lib/share/backup';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/records';
import { DB_VERSION, PROFILE_STORES, type AtoutsDB } from '../../../src/lib/storage/db';
import { StorageError } from '../../../src/lib/storage/errors';
import { freshDB } from '../storage/db-helpers';
import {
	answer,
	dump,
	evidence,
	media,
	methods,
	plain,
	sampleProfile,
	seed
} from '../../fixtures/hostile/backups/backup-fixtures';

const NOW = Date.UTC(2026, 10, 28, 12);

async function backupOf(db: AtoutsDB, profileId: string): Promise<ParsedBackup> {
	const result = await readBackup(await createBackup(db, profileId, NOW));
	if (!result.ok) throw new Error(`unreadable backup: ${result.error}`);
	return result.backup;
}
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

afterEach(() => {
	vi.restoreAllMocks();
});

describe('createBackup', () => {
	it('writes backup.json (deflated) and one stored entry per evidence Blob', async () => {
		const db = await freshDB();
		await seed(db, sampleProfile('anna'));
		const blob = await createBackup(db, 'anna', NOW);
		expect(blob.type).toBe(BACKUP_MIME);
		const zip = await bytesOf(blob);
		expect(methods(zip)).toEqual({
			'backup.json': 8,
			'evidence/ev-photo-1.jpg': 0,
			'evidence/ev-photo-2.jpg': 0,
			'evidence/ev-voice-1.webm': 0,
			'evidence/ev-voice-2.m4a': 0
		});
		const json = JSON.parse(strFromU8(unzipSync(zip)['backup.json']!));
		expect(json).toMatchObject({
			format: 'atouts-backup',
			version: 2, // it holds coach notes
			app: 'atouts',
			createdAt: NOW,
			dbVersion: DB_VERSION
		});
		expect(json.profile).toEqual(sampleProfile('anna').profile);
		expect(json.answers).toHaveLength(3);
		expect(json.evidence[0]).not.toHaveProperty('blob');
		expect(json.evidence.map((e: { file: string }) => e.file)).toContain('evidence/ev-voice-1.webm');
	});

	it('holds only the chosen profile, and skips rows that no longer parse', async () => {
		const db = await freshDB();
		await seed(db, sampleProfile('anna'));
		await seed(db, { answers: [answer('bob-1', 'bob')] });
		await db.put('answers', { id: 'broken', profileId: 'anna', at: 'yesterday' });
		const backup = await backupOf(db, 'anna');
		expect(backup.answers.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'import:cook:1700000000000']);
	});

	it('refuses to make a backup a restore would refuse', async () => {
		const db = await freshDB();
		const huge = new Uint8Array(51 * 1024 * 1024);
		huge.set([0xff, 0xd8, 0xff]);
		await seed(db, { evidence: [evidence('ev-huge', 'anna', 'image/jpeg', huge)] });
		const error = await createBackup(db, 'anna', NOW).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupRefusal);
		expect((error as BackupRefusal).error).toBe('too-large');
	});

	it('writes a big profile in steps: 3,000 answers and a photo of several steps, read back whole', async () => {
		const db = await freshDB();
		const answers = Array.from({ length: 3000 }, (_, i) => answer(`a-${String(i).padStart(4, '0')}`, 'anna', i));
		const photo = media.jpeg(300 * 1024, 9); // several 64 KiB steps
		await seed(db, { answers, evidence: [evidence('ev-big', 'anna', 'image/jpeg', photo)] });
		const zip = await bytesOf(await createBackup(db, 'anna', NOW));
		const text = unzipSync(zip)['backup.json']!;
		expect(text.length).toBeGreaterThan(300 * 1024); // the JSON too took several steps
		const backup = await backupOf(db, 'anna');
		expect(backup.answers).toEqual(answers);
		expect(backup.evidence.map((e) => e.id)).toEqual(['ev-big']);
		expect(await bytesOf(backup.evidence[0]!.blob)).toEqual(photo);
		expect(unzipSync(zip)['evidence/ev-big.jpg']).toEqual(photo);
	});

	it('suggests a dated file name', () => {
		expect(backupFileName(NOW)).toBe('atouts-sauvegarde-2026-11-28.zip');
	});
});

describe('round trip', () => {
	it('restores every record into an empty database, Blobs byte for byte', async () => {
		const source = await freshDB();
		await seed(source, sampleProfile('anna'));
		const backup = await backupOf(source, 'anna');
		const target = await freshDB();
		await applyRestore(target, 'anna', backup);
		expect(await dump(target)).toEqual(await dump(source));
		for (const original of sampleProfile('anna').evidence) {
			const restored = (await target.get('evidence', original.id)) as { blob: Blob };
			expect(restored.blob).toBeInstanceOf(Blob);
			expect(restored.blob.type).toBe(original.blob.type);
			expect(await bytesOf(restored.blob)).toEqual(await bytesOf(original.blob));
		}
	});

	it("restores a tablet profile's backup into this device's profile", async () => {
		const tablet = await freshDB();
		await seed(tablet, sampleProfile('tablet-anna'));
		const backup = await backupOf(tablet, 'tablet-anna');
		const phone = await freshDB();
		await seed(phone, { profile: { id: 'default', kind: 'default', createdAt: 1 } });
		await applyRestore(phone, 'default', backup);
		const data = await dump(phone);
		expect(data.profiles).toEqual([{ key: 'default', value: { id: 'default', kind: 'default', createdAt: 1 } }]);
		const expected = await plain(sampleProfile('default'));
		for (const store of PROFILE_STORES) {
			const values = (data[store] as { value: unknown }[]).map((row) => row.value);
			expect(values, store).toEqual(expect.arrayContaining((expected as Record<string, unknown[]>)[store]!));
			expect(values, store).toHaveLength((expected as Record<string, unknown[]>)[store]!.length);
		}
	});
});

describe('merging into a device that has data', () => {
	async function deviceWithNewerData() {
		const db = await freshDB();
		await seed(db, {
			profile: sampleProfile('anna').profile,
			answers: [answer('a1', 'anna', 1, 1), answer('a9', 'anna', 1_800_000_000_000, 3)],
			evidence: [evidence('ev-new', 'anna', 'image/jpeg', media.jpeg(400, 77))],
			settings: [{ ...sampleProfile('anna').settings[0]!, value: { ...DEFAULT_SETTINGS } }]
		});
		const source = await freshDB();
		await seed(source, sampleProfile('anna'));
		return { db, backup: await backupOf(source, 'anna') };
	}

	it('previews what will change', async () => {
		const { db, backup } = await deviceWithNewerData();
		const preview = await previewRestore(db, 'anna', backup);
		expect(preview.createdAt).toBe(NOW);
		expect(preview.answers).toEqual({ inBackup: 3, onDevice: 2, added: 2, existing: 1, otherProfile: 0 });
		expect(preview.evidence).toEqual({ inBackup: 4, onDevice: 1, added: 4, existing: 0, otherProfile: 0 });
		expect(preview.rounds).toEqual({ inBackup: 2, onDevice: 0, added: 2, existing: 0, otherProfile: 0 });
		expect(preview.picks).toEqual({ inBackup: 2, onDevice: 0, added: 2, existing: 0, otherProfile: 0 });
		expect(preview.settingsChange).toBe(true);
	});

	it('sees no settings change when they are the same', async () => {
		const db = await freshDB();
		await seed(db, sampleProfile('anna'));
		const preview = await previewRestore(db, 'anna', await backupOf(db, 'anna'));
		expect(preview.settingsChange).toBe(false);
		expect(preview.answers).toEqual({ inBackup: 3, onDevice: 3, added: 0, existing: 3, otherProfile: 0 });
	});

	it("keeps the device's newer records; the backup's version replaces the same key", async () => {
		const { db, backup } = await deviceWithNewerData();
		await applyRestore(db, 'anna', backup);
		const ids = ((await db.getAllKeys('answers')) as string[]).sort();
		expect(ids).toEqual(['a1', 'a2', 'a9', 'import:cook:1700000000000']);
		expect(await db.get('answers', 'a9')).toEqual(answer('a9', 'anna', 1_800_000_000_000, 3));
		expect(await db.get('answers', 'a1')).toEqual(answer('a1', 'anna'));
		expect(await db.getAllKeys('evidence')).toHaveLength(5);
		expect(await db.get('settings', ['anna', 'app'])).toEqual(sampleProfile('anna').settings[0]);
	});

	it('never takes a record that another profile on this device holds', async () => {
		const db = await freshDB();
		await seed(db, sampleProfile('anna'));
		const backup = await backupOf(db, 'anna');
		const preview = await previewRestore(db, 'bob', backup);
		expect(preview.answers).toEqual({ inBackup: 3, onDevice: 0, added: 0, existing: 0, otherProfile: 3 });
		expect(preview.picks).toMatchObject({ added: 2, otherProfile: 0 });
		const before = await dump(db);
		await applyRestore(db, 'bob', backup);
		const after = await dump(db);
		for (const store of ['answers', 'rounds', 'evidence']) expect(after[store], store).toEqual(before[store]);
		expect(await db.getAllFromIndex('picks', 'byProfile', 'bob')).toHaveLength(2);
		expect(await db.get('profiles', 'bob')).toEqual({ ...sampleProfile('anna').profile, id: 'bob' });
	});
});

describe('a failed restore changes nothing', () => {
	async function deviceAndBackup() {
		const db = await freshDB();
		await seed(db, { ...sampleProfile('anna'), evidence: [], answers: [answer('a1', 'anna', 1, 1)] });
		const source = await freshDB();
		await seed(source, sampleProfile('anna'));
		return { db, backup: await backupOf(source, 'anna') };
	}

	it('a quota error part-way aborts the whole transaction', async () => {
		const { db, backup } = await deviceAndBackup();
		const before = await dump(db);
		const put = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
			if (++calls === 8) throw new DOMException('full', 'QuotaExceededError');
			return put.apply(this, args);
		});
		const error = await applyRestore(db, 'anna', backup).catch((e: unknown) => e);
		expect(calls).toBe(8);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).kind).toBe('quota');
		vi.restoreAllMocks();
		expect(await dump(db)).toEqual(before);
	});

	it('a record the store refuses, written last, undoes the ones before it', async () => {
		const { db, backup } = await deviceAndBackup();
		const before = await dump(db);
		const broken = { ...backup, visibility: [...backup.visibility, { competence: 'x', hidden: () => 1 }] };
		await expect(applyRestore(db, 'anna', broken as unknown as ParsedBackup)).rejects.toBeInstanceOf(StorageError);
		expect(await dump(db)).toEqual(before);
	});
});
