/**
 * `npm test`: every gate and test runner, in order, with one honest tally at the end.
 *
 * Each step runs as a child process; its output is streamed live and also kept in
 * reports/logs/<step>.log. A failing step does not stop later ones (one run shows every
 * problem), except that Playwright needs a build: if the build failed it is not run and
 * counts as 1 failed.
 *
 * Counting: a gate (content:check, i18n:check, check, lint, build, budgets) is 1 passed or 1 failed.
 * Vitest and Playwright count their tests from their JSON reports. A runner that exits
 * non-zero without any failed test (crash, no tests found, bad config) adds 1 failed so
 * that it can never look green. Flaky Playwright tests count as passed but are named.
 *
 * The LAST line of output is exactly `N passed, N failed`; exit 1 if N failed > 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findChrome } from './find-chrome';
import { testsWithStatus } from './lib/playwright-report';

const REPORTS = 'reports';
const VITEST_JSON = `${REPORTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${REPORTS}/playwright.json`;

interface StepResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	flaky: number;
	exitCode: number | null;
	seconds: number;
	note?: string;
	/** Failed tests, each with why: repeated in the summary. */
	failures?: string[];
}

/** Runs a command, streaming its output and keeping a copy. Never rejects: a spawn error is exit code null. */
function run(name: string, command: string, args: string[]): Promise<{ code: number | null; seconds: number }> {
	console.log(`\n━━━ ${name}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const chunks: Buffer[] = [];
	return new Promise((done) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
		child.stdout.on('data', (b: Buffer) => (process.stdout.write(b), chunks.push(b)));
		child.stderr.on('data', (b: Buffer) => (process.stderr.write(b), chunks.push(b)));
		const finish = (code: number | null) => {
			writeFileSync(`${REPORTS}/logs/${name.replace(/[^\w.-]+/g, '_')}.log`, Buffer.concat(chunks));
			done({ code, seconds: (Date.now() - started) / 1000 });
		};
		child.on('error', (error) => {
			console.error(`${name}: could not start ${command}: ${error.message}`);
			finish(null);
		});
		child.on('close', (code) => finish(code));
	});
}

function readJson(path: string): Record<string, unknown> | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	} catch {
		return null;
	}
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

async function gate(name: string, command: string, args: string[]): Promise<StepResult> {
	const { code, seconds } = await run(name, command, args);
	const ok = code === 0;
	return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, flaky: 0, exitCode: code, seconds };
}

async function vitest(): Promise<StepResult> {
	rmSync(VITEST_JSON, { force: true }); // never count a previous run's report
	const { code, seconds } = await run('vitest', 'npx', ['vitest', 'run']);
	const report = readJson(VITEST_JSON);
	const result: StepResult = { name: 'vitest', passed: 0, failed: 0, skipped: 0, flaky: 0, exitCode: code, seconds };
	if (!report) return { ...result, failed: 1, note: `no ${VITEST_JSON} written` };
	result.passed = num(report.numPassedTests);
	result.failed = num(report.numFailedTests);
	result.skipped = num(report.numPendingTests) + num(report.numTodoTests);
	if (code !== 0 && result.failed === 0) return { ...result, failed: 1, note: `exit code ${code} with no failed test` };
	return result;
}

async function playwright(buildOk: boolean): Promise<StepResult> {
	const skippedResult = (note: string): StepResult => {
		console.log(`\n━━━ playwright: not run (${note})`);
		return { name: 'playwright', passed: 0, failed: 1, skipped: 0, flaky: 0, exitCode: null, seconds: 0, note };
	};
	if (!buildOk) return skippedResult('build failed');
	try {
		console.log(`\n━━━ chromium: ${findChrome()}`);
	} catch (error) {
		return skippedResult((error as Error).message);
	}
	rmSync(PLAYWRIGHT_JSON, { force: true });
	const { code, seconds } = await run('playwright', 'npx', ['playwright', 'test']);
	const result: StepResult = {
		name: 'playwright',
		passed: 0,
		failed: 0,
		skipped: 0,
		flaky: 0,
		exitCode: code,
		seconds
	};
	const report = readJson(PLAYWRIGHT_JSON);
	const stats = report?.stats as Record<string, unknown> | undefined;
	if (!stats) return { ...result, failed: 1, note: `no ${PLAYWRIGHT_JSON} written` };
	result.flaky = num(stats.flaky);
	result.passed = num(stats.expected) + result.flaky;
	result.failed = num(stats.unexpected);
	result.skipped = num(stats.skipped);
	if (result.flaky) {
		result.note = `flaky (passed on retry): ${testsWithStatus(report, 'flaky')
			.map((t) => t.title)
			.join('; ')}`;
	}
	result.failures = testsWithStatus(report, 'unexpected').map((t) => `${t.title}\n    ${t.error}`);
	const errors = Array.isArray(report?.errors) ? report.errors.length : 0;
	if (code !== 0 && result.failed === 0) {
		return {
			...result,
			failed: 1,
			note: `exit code ${code} with no failed test${errors ? ` (${errors} global error(s))` : ''}`
		};
	}
	return result;
}

async function main(): Promise<number> {
	mkdirSync(`${REPORTS}/logs`, { recursive: true });
	const results: StepResult[] = [];
	results.push(await gate('content:check', 'npm', ['run', 'content:check']));
	results.push(await gate('i18n:check', 'npm', ['run', 'i18n:check']));
	results.push(await gate('check', 'npm', ['run', 'check']));
	results.push(await gate('lint', 'npm', ['run', 'lint']));
	results.push(await vitest());
	const build = await gate('build', 'npm', ['run', 'build']);
	results.push(build);
	results.push(await gate('budgets', 'npm', ['run', 'budgets']));
	results.push(await playwright(build.failed === 0));

	const passed = results.reduce((s, r) => s + r.passed, 0);
	const failed = results.reduce((s, r) => s + r.failed, 0);
	writeFileSync(
		`${REPORTS}/test-summary.json`,
		JSON.stringify({ generated_at: new Date().toISOString(), passed, failed, steps: results }, null, 2)
	);

	console.log('\n━━━ summary');
	for (const r of results) {
		const status = r.failed ? 'FAIL' : 'ok  ';
		const extra = [r.skipped ? `${r.skipped} skipped` : '', r.flaky ? `${r.flaky} flaky` : '']
			.filter(Boolean)
			.join(', ');
		console.log(
			`${status} ${r.name.padEnd(14)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed` +
				`${extra ? `  (${extra})` : ''}  ${r.seconds.toFixed(1)}s${r.note ? `  — ${r.note}` : ''}`
		);
		for (const failure of r.failures ?? []) console.log(`     ✗ ${failure}`);
	}
	console.log(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

// exitCode rather than exit(): let piped stdout drain so the tally line is never cut off.
main().then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		// An unexpected crash here must still end with the tally line the CI parses.
		console.error(error);
		console.log('0 passed, 1 failed');
		process.exitCode = 1;
	}
);
