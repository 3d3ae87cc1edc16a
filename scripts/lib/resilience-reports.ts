/**
 * The figures the resilience tests leave in reports/ (issue 9), read back for
 * `npm run test:resilience` and `npm run bench`:
 * - resilience-hostile.json: tests/unit/resilience/hostile-importers.test.ts (inputs tried and
 *   rejected cleanly, per importer and per kind of attack);
 * - resilience-fastcheck.json: the property tests of the link decoder and the backup parser
 *   (tests/unit/resilience/fc-runs.ts: runs executed, per test file);
 * - resilience-privacy.json: tests/e2e/privacy.spec.ts (requests seen, third-party ones, CSP violations).
 * A missing or unreadable file reads as null.
 */
import { readFileSync, rmSync } from 'node:fs';

export const RESILIENCE_REPORTS = {
	hostile: 'reports/resilience-hostile.json',
	fastcheck: 'reports/resilience-fastcheck.json',
	privacy: 'reports/resilience-privacy.json'
} as const;

export interface Tally {
	tried: number;
	rejected_cleanly: number;
}
export interface HostileReport extends Tally {
	generated_at: string;
	known_gaps: number;
	importers: Record<string, Tally & { by_category: Record<string, Tally> }>;
	by_category: Record<string, Tally>;
	by_source: Record<string, Tally>;
	not_clean: { importer: string; name: string; codes: string[]; knownGap: boolean }[];
}
export interface FastCheckReport {
	updated_at: string;
	total_runs: number;
	total_properties: number;
	files: Record<string, { properties: number; runs: number; fc_runs_env: number | null; at: string }>;
}
export interface PrivacyReport {
	generated_at: string;
	requests: number;
	third_party: number;
	csp_violations: number;
}

export function readReport<T>(path: string): T | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch {
		return null;
	}
}

/** Before a run: a figure from an earlier run must never pass for this one's. */
export function clearResilienceReports(which: (keyof typeof RESILIENCE_REPORTS)[]): void {
	for (const key of which) rmSync(RESILIENCE_REPORTS[key], { force: true });
}

export interface ResilienceFigures {
	hostile_inputs_tried: number | null;
	hostile_inputs_rejected_cleanly: number | null;
	hostile_known_gaps: number | null;
	hostile_by_importer: Record<string, Tally> | null;
	hostile_not_clean: string[] | null;
	fastcheck_runs: number | null;
	fastcheck_properties: number | null;
	fastcheck_runs_by_file: Record<string, number> | null;
	privacy: (PrivacyReport & { source: string }) | null;
}

export function resilienceFigures(): ResilienceFigures {
	const hostile = readReport<HostileReport>(RESILIENCE_REPORTS.hostile);
	const fc = readReport<FastCheckReport>(RESILIENCE_REPORTS.fastcheck);
	const privacy = readReport<PrivacyReport>(RESILIENCE_REPORTS.privacy);
	return {
		hostile_inputs_tried: hostile?.tried ?? null,
		hostile_inputs_rejected_cleanly: hostile?.rejected_cleanly ?? null,
		hostile_known_gaps: hostile?.known_gaps ?? null,
		hostile_by_importer: hostile
			? Object.fromEntries(
					Object.entries(hostile.importers).map(([name, t]) => [
						name,
						{ tried: t.tried, rejected_cleanly: t.rejected_cleanly }
					])
				)
			: null,
		hostile_not_clean: hostile ? hostile.not_clean.map((n) => `${n.importer}: ${n.name}`) : null,
		fastcheck_runs: fc?.total_runs ?? null,
		fastcheck_properties: fc?.total_properties ?? null,
		fastcheck_runs_by_file: fc ? Object.fromEntries(Object.entries(fc.files).map(([f, e]) => [f, e.runs])) : null,
		privacy: privacy
			? {
					generated_at: privacy.generated_at,
					requests: privacy.requests,
					third_party: privacy.third_party,
					csp_violations: privacy.csp_violations,
					source: RESILIENCE_REPORTS.privacy
				}
			: null
	};
}
