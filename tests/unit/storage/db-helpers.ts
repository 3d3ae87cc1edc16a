/** Each test opens its own database, so no state leaks between tests (getDB is a shared singleton). */
import { afterEach } from 'vitest';
import { openAtoutsDB, type AtoutsDB } from '../../../src/lib/storage/db';

let counter = 0;
const opened: AtoutsDB[] = [];

export async function freshDB(): Promise<AtoutsDB> {
	const db = await openAtoutsDB({ name: `atouts-test-${process.pid}-${++counter}-${Date.now()}` });
	opened.push(db);
	return db;
}

afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});
