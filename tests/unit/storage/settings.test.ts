import { describe, it, expect } from 'vitest';
import { loadSettings, saveSettings } from '../../../src/lib/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/lib/domain/records';
import { quarantineCount } from '../../../src/lib/storage/quarantine';
import { freshDB } from './db-helpers';

describe('settings storage', () => {
	it('gives the defaults when nothing is stored', async () => {
		const db = await freshDB();
		expect(await loadSettings(db, 'default')).toEqual(DEFAULT_SETTINGS);
	});

	it('gives a copy of the defaults, never the shared object', async () => {
		const db = await freshDB();
		const loaded = await loadSettings(db, 'default');
		loaded.sound = !DEFAULT_SETTINGS.sound;
		expect((await loadSettings(db, 'default')).sound).toBe(DEFAULT_SETTINGS.sound);
	});

	it('round-trips what was saved', async () => {
		const db = await freshDB();
		const mine: Settings = {
			language: 'ar',
			textSize: 'xlarge',
			sound: false,
			autoRead: true,
			slowSpeech: true,
			legibleFont: true
		};
		await saveSettings(db, 'default', mine, 42);
		expect(await loadSettings(db, 'default')).toEqual(mine);
		expect(await db.get('settings', ['default', 'app'])).toEqual({
			profileId: 'default',
			key: 'app',
			value: mine,
			updatedAt: 42
		});
	});

	it('overwrites the previous settings', async () => {
		const db = await freshDB();
		await saveSettings(db, 'default', { ...DEFAULT_SETTINGS, textSize: 'large' });
		await saveSettings(db, 'default', { ...DEFAULT_SETTINGS, textSize: 'xlarge' });
		expect((await loadSettings(db, 'default')).textSize).toBe('xlarge');
		expect(await db.count('settings')).toBe(1);
	});

	it('keeps each profile its own settings', async () => {
		const db = await freshDB();
		await saveSettings(db, 'a', { ...DEFAULT_SETTINGS, language: 'uk' });
		expect((await loadSettings(db, 'a')).language).toBe('uk');
		expect(await loadSettings(db, 'b')).toEqual(DEFAULT_SETTINGS);
	});

	it('loads a record saved by an older version (missing newer fields) with defaults', async () => {
		const db = await freshDB();
		await db.put('settings', {
			profileId: 'default',
			key: 'app',
			value: { language: 'en', sound: false },
			updatedAt: 7
		});
		expect(await loadSettings(db, 'default')).toEqual({ ...DEFAULT_SETTINGS, language: 'en', sound: false });
		expect(await quarantineCount(db)).toBe(0);
	});

	it('refuses to save invalid settings', async () => {
		const db = await freshDB();
		const bad = { ...DEFAULT_SETTINGS, textSize: 'huge' } as unknown as Settings;
		await expect(saveSettings(db, 'default', bad)).rejects.toThrow();
		expect(await db.count('settings')).toBe(0);
	});
});
