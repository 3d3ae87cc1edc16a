/** The database's name, on its own: modules that only need the name do not load idb (see first-visit.ts). */
export const DB_NAME = 'atouts';
