import { DEFAULT_SETTINGS, SettingsRecordSchema, type Settings } from '../domain/records';
import type { AtoutsDB } from './db';
import { guardWrite } from './errors';
import { parseRows } from './quarantine';
import { rowsOfProfile } from './read';

export async function loadSettings(db: AtoutsDB, profileId: string): Promise<Settings> {
	const records = await parseRows(db, 'settings', SettingsRecordSchema, await rowsOfProfile(db, 'settings', profileId));
	return records.find((r) => r.key === 'app')?.value ?? { ...DEFAULT_SETTINGS };
}

export async function saveSettings(db: AtoutsDB, profileId: string, value: Settings, now = Date.now()): Promise<void> {
	const record = SettingsRecordSchema.parse({ profileId, key: 'app', value, updatedAt: now });
	await guardWrite(() => db.put('settings', record));
}
