/** Backups hold the coach's review (notes, endorsements, next steps) and the recorded first name. */
import { describe, it, expect } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import {
	applyRestore,
	createBackup,
	previewRestore,
	readBackup,
	type ParsedBackup
} from '../../../src/lib/share/backup';
import { listCoachNotes, listNextSteps } from '../../../src/lib/storage/coach';
import type { AtoutsDB } from '../../../src/lib/storage/db';
import { freshDB } from '../storage/db-helpers';
import { dump, media, plain, rezip, sampleProfile, seed } from '../../fixtures/hostile/backups/backup-fixtures';

const NOW = Date.UTC(2026, 10, 28, 12);
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
async function zipOf(db: AtoutsDB, profileId: string) {
	return bytesOf(await createBackup(db, profileId, NOW));
}
async function read(zip: Uint8Array): Promise<ParsedBackup> {
	const result = await readBackup(zip);
	if (!result.ok) throw new Error(`unreadable backup: ${result.error}`);
	return result.backup;
}

describe('coach notes and next steps in a backup', () => {
	it('are written, read and restored with everything else, in one go', async () => {
		const source = await freshDB();
		await seed(source, sampleProfile('anna'));
		const zip = await zipOf(source, 'anna');
		const json = JSON.parse(strFromU8(unzipSync(zip)['backup.json']!));
		expect(json.version).toBe(2);
		expect(json.coachNotes).toHaveLength(2);
		expect(json.nextSteps).toEqual(sampleProfile('anna').nextSteps);
		const target = await freshDB();
		await applyRestore(target, 'anna', await read(zip));
		expect(await listCoachNotes(target, 'anna')).toEqual(
			expect.arrayContaining(sampleProfile('anna').coachNotes.map((n) => expect.objectContaining(n)))
		);
		expect(await listNextSteps(target, 'anna')).toEqual(sampleProfile('anna').nextSteps);
		expect(await dump(target)).toEqual(await dump(source));
	});

	it('go to the profile they are restored into, and the preview counts them', async () => {
		const source = await freshDB();
		await seed(source, sampleProfile('tablet-anna'));
		const backup = await read(await zipOf(source, 'tablet-anna'));
		const phone = await freshDB();
		await seed(phone, { profile: { id: 'default', kind: 'default', createdAt: 1 } });
		const preview = await previewRestore(phone, 'default', backup);
		expect(preview.coachNotes).toEqual({ inBackup: 2, onDevice: 0, added: 2, existing: 0, otherProfile: 0 });
		expect(preview.nextSteps).toEqual({ inBackup: 1, onDevice: 0, added: 1, existing: 0, otherProfile: 0 });
		await applyRestore(phone, 'default', backup);
		expect((await listCoachNotes(phone, 'default')).map((n) => n.competence).sort()).toEqual(['clean', 'cook']);
		expect((await listNextSteps(phone, 'default')).map((s) => s.profileId)).toEqual(['default']);
	});

	it('a backup without them is still version 1, and a version 1 backup restores with none', async () => {
		const db = await freshDB();
		await seed(db, { ...sampleProfile('anna'), coachNotes: [], nextSteps: [] });
		const zip = await zipOf(db, 'anna');
		expect(JSON.parse(strFromU8(unzipSync(zip)['backup.json']!)).version).toBe(1);
		// As version 1 wrote it: no coachNotes or nextSteps key at all.
		const old = rezip(zip, (json) => {
			delete json.coachNotes;
			delete json.nextSteps;
		});
		const backup = await read(old);
		expect(backup.coachNotes).toEqual([]);
		expect(backup.nextSteps).toEqual([]);
		const target = await freshDB();
		await applyRestore(target, 'anna', backup);
		expect(await target.count('answers')).toBe(3);
		expect(await target.count('coachNotes')).toBe(0);
	});

	it('a coach note the store refuses undoes the whole restore', async () => {
		const db = await freshDB();
		await seed(db, { profile: sampleProfile('anna').profile });
		const source = await freshDB();
		await seed(source, sampleProfile('anna'));
		const backup = await read(await zipOf(source, 'anna'));
		const before = await dump(db);
		const broken = { ...backup, coachNotes: [...backup.coachNotes, { competence: 'x', at: () => 1 }] };
		await expect(applyRestore(db, 'anna', broken as unknown as ParsedBackup)).rejects.toThrow();
		expect(await dump(db)).toEqual(before);
	});
});

describe('the recorded first name', () => {
	it('travels as a file of the zip and comes back as the same Blob', async () => {
		const db = await freshDB();
		const clip = new Blob([media.webm(600, 11)], { type: 'audio/webm' });
		await seed(db, { ...sampleProfile('anna'), profile: { ...sampleProfile('anna').profile, nameClip: clip } });
		const zip = await zipOf(db, 'anna');
		const files = unzipSync(zip);
		expect(Object.keys(files)).toContain('profile/name.webm');
		expect(JSON.parse(strFromU8(files['backup.json']!)).profile.nameClip).toEqual({
			file: 'profile/name.webm',
			mime: 'audio/webm'
		});
		const backup = await read(zip);
		expect(await plain(backup.profile.nameClip)).toEqual(await plain(clip));
		const target = await freshDB();
		await applyRestore(target, 'anna', backup);
		expect(await plain(await target.get('profiles', 'anna'))).toEqual(
			await plain({ ...sampleProfile('anna').profile, nameClip: clip })
		);
	});

	it('refuses a name clip that is missing or is markup', async () => {
		const db = await freshDB();
		const clip = new Blob([media.webm()], { type: 'audio/webm' });
		await seed(db, { ...sampleProfile('anna'), profile: { ...sampleProfile('anna').profile, nameClip: clip } });
		const zip = await zipOf(db, 'anna');
		const missing = rezip(zip, (_, files) => void delete files['profile/name.webm']);
		expect(await readBackup(missing)).toEqual({ ok: false, error: 'corrupt' });
		const markup = rezip(zip, (_, files) => void (files['profile/name.webm'] = strToU8('<svg onload=alert(1)>')));
		expect(await readBackup(markup)).toEqual({ ok: false, error: 'unsafe' });
	});
});
