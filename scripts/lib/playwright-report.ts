/** Reading Playwright's JSON report (reporter "json") for `npm test`'s summary. */

// eslint-disable-next-line no-control-regex -- Playwright's messages carry terminal colour codes
const TERMINAL_COLOURS = /\u001b\[[\d;]*m/g;
const firstLines = (text: string, count: number) =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.slice(0, count)
		.join(' · ');

interface ReportedError {
	message?: string;
	location?: { file: string; line: number };
}

export interface NamedTest {
	title: string;
	error: string;
}

/**
 * Tests with the given outcome ("flaky", "unexpected"), walking Playwright's nested suites,
 * each with the first lines of its first error: CI keeps only the end of the output, so the
 * summary must say why a test failed, not only which.
 */
export function testsWithStatus(report: Record<string, unknown> | null, status: string): NamedTest[] {
	const out: NamedTest[] = [];
	const walk = (suite: Record<string, unknown>) => {
		for (const spec of (suite.specs as Record<string, unknown>[] | undefined) ?? []) {
			for (const t of (spec.tests as Record<string, unknown>[] | undefined) ?? []) {
				if (t.status !== status) continue;
				const results = (t.results as { error?: ReportedError }[] | undefined) ?? [];
				const error = results.find((r) => r.error?.message)?.error;
				const where = error?.location ? ` (line ${error.location.line})` : '';
				out.push({
					title: `${String(spec.file)}: ${String(spec.title)} [${String(t.projectName)}]`,
					error: firstLines((error?.message ?? '').replace(TERMINAL_COLOURS, ''), 3) + where
				});
			}
		}
		for (const child of (suite.suites as Record<string, unknown>[] | undefined) ?? []) walk(child);
	};
	for (const s of (report?.suites as Record<string, unknown>[] | undefined) ?? []) walk(s);
	return out;
}
