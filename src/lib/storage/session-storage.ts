/** What the session needs from storage, as one lazily loaded chunk (idb + zod). */
export { getDB } from './db';
export { ensureDefaultProfile } from './profiles';
export { loadSettings, saveSettings } from './settings';
export { onQuarantine } from './quarantine';
