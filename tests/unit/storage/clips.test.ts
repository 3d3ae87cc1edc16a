import { describe, it, expect, vi, afterEach } from 'vitest';
import { deleteClip, findClips, listClipKeys, listClips, saveClips } from '../../../src/lib/storage/clips';
import { StorageError } from '../../../src/lib/storage/errors';
import { onQuarantine, quarantineCount, type QuarantineEntry } from '../../../src/lib/storage/quarantine';
import type { ClipRecord } from '../../../src/lib/domain/voice-clips';
import { freshDB } from './db-helpers';
import { audio, clip, everyTypeClips } from '../../fixtures/hostile/voice-packs/voice-pack-fixtures';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** A clip as plain data, its Blob as type and bytes: equal means the same recording. */
const plain = async ({ blob, ...rest }: ClipRecord) => ({ ...rest, type: blob.type, data: [...(await bytesOf(blob))] });
const plainAll = (clips: readonly ClipRecord[]) => Promise.all(clips.map(plain));
const byKey = (clips: readonly ClipRecord[]) => [...clips].sort((a, b) => a.key.localeCompare(b.key));

const webm = (key: string, lang = 'fr', seed = 11) => ({ ...clip(key, 'audio/webm', audio.webm(900, seed)), lang });

const unsubscribers: (() => void)[] = [];
afterEach(() => {
	for (const off of unsubscribers.splice(0)) off();
	vi.restoreAllMocks();
});

describe('saving and listing clips', () => {
	it('stores every kind of clip and gives back the same recordings, Blobs byte for byte, sorted by key', async () => {
		const db = await freshDB();
		const clips = everyTypeClips();
		await saveClips(db, clips);
		const listed = await listClips(db, 'fr');
		expect(listed.map((c) => c.key)).toEqual(byKey(clips).map((c) => c.key));
		for (const c of listed) expect(c.blob).toBeInstanceOf(Blob);
		expect(await plainAll(listed)).toEqual(await plainAll(byKey(clips)));
		expect(await quarantineCount(db)).toBe(0);
	});

	it('keeps languages apart', async () => {
		const db = await freshDB();
		await saveClips(db, [
			webm('ui.action.listen', 'fr'),
			webm('ui.action.listen', 'ar', 12),
			webm('ui.nav.home', 'ar')
		]);
		expect((await listClips(db, 'fr')).map((c) => [c.lang, c.key])).toEqual([['fr', 'ui.action.listen']]);
		expect((await listClips(db, 'ar')).map((c) => c.key)).toEqual(['ui.action.listen', 'ui.nav.home']);
		expect(await listClips(db, 'uk')).toEqual([]);
	});

	it('lists the keys of one language without reading audio', async () => {
		const db = await freshDB();
		await saveClips(db, [webm('card.q-bus.prompt'), webm('ui.action.listen'), webm('ui.nav.home', 'ar')]);
		expect(await listClipKeys(db, 'fr')).toEqual(new Set(['card.q-bus.prompt', 'ui.action.listen']));
		expect(await listClipKeys(db, 'ar')).toEqual(new Set(['ui.nav.home']));
		expect(await listClipKeys(db, 'en')).toEqual(new Set());
	});

	it('replaces the clip of a key that is recorded again', async () => {
		const db = await freshDB();
		await saveClips(db, [webm('ui.action.listen')]);
		const again = clip('ui.action.listen', 'audio/mp4', audio.mp4(), { recordedAt: '2026-12-01T10:00:00.000Z' });
		await saveClips(db, [again]);
		const listed = await listClips(db, 'fr');
		expect(await plainAll(listed)).toEqual(await plainAll([again]));
	});

	it('writes a batch in one durable transaction', async () => {
		const db = await freshDB();
		const transaction = vi.spyOn(db, 'transaction');
		await saveClips(db, [webm('ui.a'), webm('ui.b'), webm('ui.c')]);
		expect(transaction).toHaveBeenCalledTimes(1);
		expect(transaction).toHaveBeenCalledWith('clips', 'readwrite', { durability: 'strict' });
		expect(await db.count('clips')).toBe(3);
	});

	it('writes nothing when one record of the batch is invalid', async () => {
		const db = await freshDB();
		const invalid: [string, ClipRecord][] = [
			['a size that is not the Blob size', { ...webm('ui.c'), bytes: 5 }],
			['a MIME type that is not normalised', { ...webm('ui.c'), mime: 'Audio/WebM' }],
			['a key that is not an audio key', { ...webm('ui.c'), key: '../ui' }],
			['a date that is not ISO', { ...webm('ui.c'), recordedAt: 'yesterday' }],
			['no Blob', { ...webm('ui.c'), blob: 'bytes' as unknown as Blob }]
		];
		for (const [why, bad] of invalid) {
			await expect(saveClips(db, [webm('ui.a'), webm('ui.b'), bad]), why).rejects.toThrow();
			expect(await db.count('clips'), why).toBe(0);
		}
	});

	// A put that throws synchronously (here a DataCloneError for a Blob-like value that passes
	// isBlob but cannot be cloned) must abort the transaction: the clips put before it are dropped.
	it('writes nothing when one record of the batch cannot be stored', async () => {
		const db = await freshDB();
		const foreign = { size: 30, type: 'audio/webm', [Symbol.toStringTag]: 'Blob', arrayBuffer: () => null };
		const unclonable = { ...webm('ui.c'), blob: foreign as unknown as Blob, bytes: 30 };
		const error = await saveClips(db, [webm('ui.a'), webm('ui.b'), unclonable]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		await new Promise((resolve) => setTimeout(resolve, 20)); // let a forgotten transaction commit
		expect(await db.count('clips')).toBe(0);
	});

	it('saves an empty batch as a no-op', async () => {
		const db = await freshDB();
		await expect(saveClips(db, [])).resolves.toBeUndefined();
		expect(await db.count('clips')).toBe(0);
	});
});

describe('findClips', () => {
	it('gives the clips of the keys asked, in the order asked', async () => {
		const db = await freshDB();
		const clips = [webm('ui.a', 'fr', 1), webm('ui.b', 'fr', 2), webm('card.x.prompt', 'fr', 3)];
		await saveClips(db, clips);
		const found = await findClips(db, 'fr', ['card.x.prompt', 'ui.a', 'ui.b']);
		expect(await plainAll(found ?? [])).toEqual(await plainAll([clips[2]!, clips[0]!, clips[1]!]));
		const again = await findClips(db, 'fr', ['ui.b', 'ui.a']);
		expect(again?.map((c) => c.key)).toEqual(['ui.b', 'ui.a']);
	});

	it('gives nothing at all when any one key has no clip', async () => {
		const db = await freshDB();
		await saveClips(db, [webm('ui.a'), webm('ui.b'), webm('ui.c', 'ar')]);
		expect(await findClips(db, 'fr', ['ui.a', 'ui.missing', 'ui.b'])).toBeUndefined();
		expect(await findClips(db, 'fr', ['ui.c'])).toBeUndefined(); // recorded in another language only
		expect(await findClips(db, 'ar', ['ui.c']).then((c) => c?.map((x) => x.lang))).toEqual(['ar']);
		expect(await quarantineCount(db)).toBe(0); // a missing clip is not an unreadable one
		expect(await db.count('clips')).toBe(3);
	});

	it('gives an empty list for no keys', async () => {
		const db = await freshDB();
		expect(await findClips(db, 'fr', [])).toEqual([]);
	});
});

describe('deleteClip', () => {
	it('deletes one clip of one language and nothing else', async () => {
		const db = await freshDB();
		await saveClips(db, [webm('ui.a'), webm('ui.b'), webm('ui.a', 'ar')]);
		await deleteClip(db, 'fr', 'ui.a');
		expect(await listClipKeys(db, 'fr')).toEqual(new Set(['ui.b']));
		expect(await listClipKeys(db, 'ar')).toEqual(new Set(['ui.a']));
		expect(await findClips(db, 'fr', ['ui.a'])).toBeUndefined();
		await expect(deleteClip(db, 'fr', 'ui.never')).resolves.toBeUndefined();
	});
});

describe('unreadable clips', () => {
	const corrupt = () => ({ lang: 'fr', key: 'ui.broken', mime: 'audio/webm', blob: 'not a blob', bytes: 4 });

	function listen() {
		const calls: QuarantineEntry[][] = [];
		unsubscribers.push(onQuarantine((entries) => calls.push(entries)));
		return calls;
	}

	it('listing moves a corrupt row to the quarantine, raw, and still lists the others', async () => {
		const db = await freshDB();
		const calls = listen();
		const good = webm('ui.good');
		await saveClips(db, [good]);
		await db.put('clips', corrupt());
		expect(await listClipKeys(db, 'fr')).toEqual(new Set(['ui.broken', 'ui.good'])); // keys are not parsed

		expect(await plainAll(await listClips(db, 'fr'))).toEqual(await plainAll([good]));
		expect(await db.get('clips', ['fr', 'ui.broken'])).toBeUndefined();
		const quarantined = (await db.getAll('quarantine')) as QuarantineEntry[];
		expect(quarantined).toEqual([
			expect.objectContaining({ store: 'clips', key: ['fr', 'ui.broken'], raw: corrupt() })
		]);
		expect(quarantined[0]!.reason).toMatch(/blob/);
		expect(calls).toHaveLength(1);
		expect(await listClipKeys(db, 'fr')).toEqual(new Set(['ui.good']));
	});

	it('a corrupt clip among those asked makes findClips give nothing, and is quarantined', async () => {
		const db = await freshDB();
		await saveClips(db, [webm('ui.a'), webm('ui.b')]);
		await db.put('clips', { ...webm('ui.broken'), bytes: 1 }); // size no longer matches its Blob
		expect(await findClips(db, 'fr', ['ui.a', 'ui.broken', 'ui.b'])).toBeUndefined();
		expect(await db.getAllFromIndex('quarantine', 'byStore', 'clips')).toHaveLength(1);
		expect(await findClips(db, 'fr', ['ui.a', 'ui.b']).then((c) => c?.length)).toBe(2);
	});

	it('sets aside a row whose Blob came back as something else, without throwing', async () => {
		const db = await freshDB();
		await db.put('clips', { ...webm('ui.a'), blob: { size: 900 } });
		await expect(listClips(db, 'fr')).resolves.toEqual([]);
		expect(await quarantineCount(db)).toBe(1);
	});
});
