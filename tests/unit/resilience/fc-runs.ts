/**
 * Counts the fast-check runs that the resilience property tests really execute (the link
 * decoder's and the backup parser's), for `npm run test:resilience` and `npm run bench`.
 *
 * A test file passes `counted(RUNS)` instead of `{ numRuns: RUNS }`; after the file, its
 * count is merged into reports/resilience-fastcheck.json under the file's name. Only runs
 * with FC_RUNS set are recorded (test:resilience and the bench set it), so a plain
 * `npx vitest run` at the same time never replaces a 10 000-run figure with its defaults.
 * Vitest runs files in parallel workers, so the merge takes a lock (an atomic mkdir). An entry
 * stays until the same file runs again: the report scripts delete the report before their run.
 */
import { afterAll, expect } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { RESILIENCE_REPORTS, readReport, type FastCheckReport } from '../../../scripts/lib/resilience-reports';

const FASTCHECK_REPORT = RESILIENCE_REPORTS.fastcheck;

const tally = new Map<string, { properties: number; runs: number }>();

/** fast-check parameters that run `numRuns` times and count the runs executed (failing ones too). */
export function counted<T>(numRuns: number): fc.Parameters<T> {
	return {
		numRuns,
		reporter(details) {
			const file = basename(expect.getState().testPath ?? 'unknown');
			const entry = tally.get(file) ?? { properties: 0, runs: 0 };
			entry.properties++;
			entry.runs += details.numRuns;
			tally.set(file, entry);
			if (details.failed) throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
		}
	};
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(action: () => void): void {
	const lock = `${FASTCHECK_REPORT}.lock`;
	for (let tries = 0; ; tries++) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			// A lock older than 10 s was left by a killed worker.
			const stale = tries > 400 || Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000;
			if (stale) rmSync(lock, { recursive: true, force: true });
			else pause(25);
		}
	}
	try {
		action();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

afterAll(() => {
	if (tally.size === 0 || !process.env.FC_RUNS) return;
	mkdirSync('reports', { recursive: true });
	withLock(() => {
		const files: FastCheckReport['files'] = readReport<FastCheckReport>(FASTCHECK_REPORT)?.files ?? {};
		const at = new Date().toISOString();
		for (const [file, entry] of tally) files[file] = { ...entry, fc_runs_env: Number(process.env.FC_RUNS) || null, at };
		const entries = Object.values(files);
		const next: FastCheckReport = {
			updated_at: at,
			total_runs: entries.reduce((sum, e) => sum + e.runs, 0),
			total_properties: entries.reduce((sum, e) => sum + e.properties, 0),
			files
		};
		writeFileSync(`${FASTCHECK_REPORT}.tmp-${process.pid}`, JSON.stringify(next, null, 2) + '\n');
		renameSync(`${FASTCHECK_REPORT}.tmp-${process.pid}`, FASTCHECK_REPORT);
	});
});
