import { describe, it, expect } from 'vitest';
import { hashSecret } from '../../../src/lib/domain/picture-code';
import {
	addCaseloadSnapshot,
	checkCoachPin,
	listCaseload,
	listCoachNotes,
	listNextSteps,
	saveCoachNotes
} from '../../../src/lib/storage/coach';
import { loadDeviceSettings, saveDeviceSettings } from '../../../src/lib/storage/device';
import { freshDB } from './db-helpers';

const T = Date.UTC(2026, 8, 1);

describe('caseload', () => {
	it('a new label is a new person; the same label (any case, spaces) adds a review', async () => {
		const db = await freshDB();
		let n = 0;
		const id = () => `c${++n}`;
		expect((await addCaseloadSnapshot(db, 'Samia', { at: T, levels: { cook: 1 }, rounds: 0 }, id)).isNew).toBe(true);
		expect((await addCaseloadSnapshot(db, ' samia ', { at: T + 9, levels: { cook: 2 }, rounds: 0 }, id)).isNew).toBe(
			false
		);
		expect((await addCaseloadSnapshot(db, 'Jo', { at: T, levels: { cook: 3 }, rounds: 0 }, id)).isNew).toBe(true);
		const [jo, samia] = await listCaseload(db);
		expect(jo).toMatchObject({ id: 'c2', label: 'Jo' });
		expect(samia).toMatchObject({ id: 'c1', label: 'Samia' });
		expect(samia!.snapshots.map((s) => s.levels.cook)).toEqual([1, 2]);
	});

	it('the same link saved twice is one review, and reviews stay in date order', async () => {
		const db = await freshDB();
		await addCaseloadSnapshot(db, 'Samia', { at: T + 5, levels: { cook: 2 }, rounds: 0 });
		await addCaseloadSnapshot(db, 'Samia', { at: T + 5, levels: { cook: 2 }, rounds: 0 });
		await addCaseloadSnapshot(db, 'Samia', { at: T, levels: { cook: 1 }, rounds: 0 });
		const [samia] = await listCaseload(db);
		expect(samia!.snapshots.map((s) => s.at)).toEqual([T, T + 5]);
	});
});

describe('coach notes from a link', () => {
	it('are written together, or not at all', async () => {
		const db = await freshDB();
		const good = { profileId: 'p', competence: 'cook', validated: true, at: T };
		await saveCoachNotes(db, [good, { ...good, competence: 'clean' }]);
		expect(await listCoachNotes(db, 'p')).toHaveLength(2);
		const bad = { ...good, competence: 'sew', at: -1 };
		await expect(saveCoachNotes(db, [{ ...good, competence: 'bake' }, bad])).rejects.toThrow();
		expect((await listCoachNotes(db, 'p')).map((n) => n.competence).sort()).toEqual(['clean', 'cook']);
	});

	it('and its next steps, in the same all-or-none write', async () => {
		const db = await freshDB();
		const note = { profileId: 'p', competence: 'cook', validated: true, at: T };
		const step = { id: 's1', profileId: 'p', kind: 'job' as const, text: 'Offre', date: '2026-12-01', at: T };
		await saveCoachNotes(db, [note], [step]);
		expect(await listNextSteps(db, 'p')).toEqual([step]);
		// a bad step takes the good note down with it: nothing half-saved
		await expect(
			saveCoachNotes(db, [{ ...note, competence: 'clean' }], [{ ...step, id: 's2', date: '1 December' }])
		).rejects.toThrow();
		expect((await listCoachNotes(db, 'p')).map((n) => n.competence)).toEqual(['cook']);
		expect(await listNextSteps(db, 'p')).toHaveLength(1);
	});
});

describe('coach PIN', () => {
	it('is checked with the back-off, and wrong attempts are kept on the device', async () => {
		const db = await freshDB();
		await saveDeviceSettings(db, {
			key: 'device',
			workshop: false,
			autoLockMinutes: 3,
			coachPin: await hashSecret('2468')
		});
		expect(await checkCoachPin(db, '2468', T)).toEqual({ ok: true });
		for (let i = 0; i < 3; i++) expect((await checkCoachPin(db, '0000', T + i)).ok).toBe(false);
		expect((await loadDeviceSettings(db)).coachFailures).toBe(3);
		// Now even the right PIN waits: the attempt is refused without being checked.
		const waiting = await checkCoachPin(db, '2468', T + 10);
		expect(waiting.ok).toBe(false);
		expect(!waiting.ok && waiting.waitMs).toBeGreaterThan(0);
		expect(await checkCoachPin(db, '2468', T + 60 * 60_000)).toEqual({ ok: true });
		expect((await loadDeviceSettings(db)).coachFailures).toBeUndefined();
	});

	it('a device without a coach PIN opens nothing', async () => {
		const db = await freshDB();
		expect(await checkCoachPin(db, '2468', T)).toEqual({ ok: false, waitMs: 0 });
	});
});
