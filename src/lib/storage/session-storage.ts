/** What the session needs from storage, as one lazily loaded chunk (idb + zod). */
export { getDB } from './db';
export { ensureDefaultProfile, listProfiles } from './profiles';
export { loadDeviceSettings, saveDeviceSettings } from './device';
export { loadSettings, saveSettings } from './settings';
export { onQuarantine } from './quarantine';
