/**
 * The one place that opens Atouts' IndexedDB. Schema changes are a numbered list of
 * migrations: migration i upgrades version i to i+1, and the database version is the
 * length of the list, so a device at any shipped version walks forward step by step.
 * Never edit a shipped migration; append a new one and a fixture for it (tests/fixtures/db).
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME } from './db-name';

export { DB_NAME };

/** Stores holding one profile's data; each has a `byProfile` index on `profileId`. */
export const PROFILE_STORES = ['settings', 'answers', 'rounds', 'picks', 'evidence', 'visibility'] as const;
/** A coach's notes and next steps for a profile (v3): also that profile's, also wiped with it. */
export const COACH_STORES = ['coachNotes', 'nextSteps'] as const;
/** Every store holding records of one profile: what a wipe must empty. */
export const PROFILE_OWNED_STORES = [...PROFILE_STORES, ...COACH_STORES] as const;
/** `packs` holds imported content packs: device content, not anyone's personal data. */
/** `clips` holds voice-pack recordings (by language and audio key): shared by the device, like packs. */
export const ALL_STORES = [
	'profiles',
	...PROFILE_OWNED_STORES,
	'packs',
	'clips',
	'device',
	'caseload',
	'quarantine'
] as const;
export type StoreName = (typeof ALL_STORES)[number];

// Values are `unknown` on purpose: nothing read from disk is trusted before zod parses it.
export interface AtoutsSchema {
	profiles: { key: string; value: unknown };
	settings: { key: [string, string]; value: unknown; indexes: { byProfile: string } };
	answers: { key: string; value: unknown; indexes: { byProfile: string; byRound: string } };
	rounds: { key: string; value: unknown; indexes: { byProfile: string } };
	picks: { key: [string, string]; value: unknown; indexes: { byProfile: string } };
	evidence: { key: string; value: unknown; indexes: { byProfile: string } };
	visibility: { key: [string, string]; value: unknown; indexes: { byProfile: string } };
	packs: { key: string; value: unknown };
	clips: { key: [string, string]; value: unknown; indexes: { byLang: string } };
	coachNotes: { key: [string, string]; value: unknown; indexes: { byProfile: string } };
	nextSteps: { key: string; value: unknown; indexes: { byProfile: string } };
	device: { key: string; value: unknown };
	caseload: { key: string; value: unknown };
	quarantine: { key: number; value: unknown; indexes: { byStore: string } };
}

export type AtoutsDB = IDBPDatabase<AtoutsSchema>;
type UpgradeTx = IDBPTransaction<AtoutsSchema, StoreNames<AtoutsSchema>[], 'versionchange'>;
export type Migration = (db: AtoutsDB, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
	// v1: profiles; per-profile settings, answers, rounds, experience picks, evidence (photos and
	// voice notes as Blobs) and what is hidden from sharing; imported packs;
	// and a quarantine for records that cannot be read.
	(db) => {
		db.createObjectStore('profiles', { keyPath: 'id' });
		db.createObjectStore('settings', { keyPath: ['profileId', 'key'] }).createIndex('byProfile', 'profileId');
		const answers = db.createObjectStore('answers', { keyPath: 'id' });
		answers.createIndex('byProfile', 'profileId');
		answers.createIndex('byRound', 'roundId');
		db.createObjectStore('rounds', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
		db.createObjectStore('picks', { keyPath: ['profileId', 'experienceId'] }).createIndex('byProfile', 'profileId');
		db.createObjectStore('evidence', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
		db.createObjectStore('visibility', { keyPath: ['profileId', 'competence'] }).createIndex('byProfile', 'profileId');
		db.createObjectStore('packs', { keyPath: 'id' });
		db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true }).createIndex('byStore', 'store');
	},
	// v2: recorded clips of voice packs, one per language and audio key, with their MIME type.
	(db) => {
		db.createObjectStore('clips', { keyPath: ['lang', 'key'] }).createIndex('byLang', 'lang');
	},
	// v3: shared tablets and coaches. Per profile: coach notes (validated, comment, endorsement)
	// and next steps. Per device: its own settings (workshop mode, PINs) and a coach's caseload.
	(db) => {
		db.createObjectStore('coachNotes', { keyPath: ['profileId', 'competence'] }).createIndex('byProfile', 'profileId');
		db.createObjectStore('nextSteps', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
		db.createObjectStore('device', { keyPath: 'key' });
		db.createObjectStore('caseload', { keyPath: 'id' });
	}
];

export const DB_VERSION = MIGRATIONS.length;

export interface OpenOptions {
	name?: string;
	/** Another tab opened a newer version: this connection closes so the upgrade can run. */
	onVersionChange?: () => void;
}

export async function openAtoutsDB(options: OpenOptions = {}): Promise<AtoutsDB> {
	const db = await openDB<AtoutsSchema>(options.name ?? DB_NAME, DB_VERSION, {
		upgrade(database, oldVersion, newVersion, tx) {
			for (let v = oldVersion; v < (newVersion ?? DB_VERSION); v++) MIGRATIONS[v]!(database, tx);
		},
		blocking() {
			db.close();
			options.onVersionChange?.();
		}
	});
	return db;
}

let shared: Promise<AtoutsDB> | undefined;

/** The app's single connection, opened on first use and reopened if the browser closes it. */
export function getDB(): Promise<AtoutsDB> {
	shared ??= openAtoutsDB({
		onVersionChange: () => {
			shared = undefined;
			globalThis.dispatchEvent?.(new Event('atouts:db-versionchange'));
		}
	}).catch((error: unknown) => {
		shared = undefined;
		throw error;
	});
	return shared;
}

/** For tests and for wipe: forget the shared connection. */
export function resetSharedDB(): void {
	shared = undefined;
}
