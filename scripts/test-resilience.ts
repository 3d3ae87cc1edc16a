/**
 * `npm run test:resilience`: issue 9's report. Runs the resilience unit tests (schema
 * migrations, the hostile corpus against every importer, the importers' own hostile tests and
 * the fast-check properties, FC_RUNS=1000 unless set) and the resilience browser tests (crash
 * cuts, service-worker update, storage pressure, multiple tabs, the real nginx, privacy, and
 * profiles once tests/e2e/profiles*.spec.ts and wipe.spec.ts exist), then prints one table.
 *
 * JSON reports go to reports/resilience-vitest.json and reports/resilience-playwright.json (not
 * the files `npm test` writes), browser artefacts to .tmp/resilience-results. The build is
 * remade when build/ is older than src/ or static/ (`--skip-build` never builds). Port 4173 is
 * shared with other Playwright runs: if something answers there, this waits for it to go
 * (RESILIENCE_PORT_WAIT seconds, default 600). Exits 1 if any test failed or a report is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
	RESILIENCE_REPORTS,
	clearResilienceReports,
	readReport,
	resilienceFigures,
	type HostileReport
} from './lib/resilience-reports';

const VITEST_JSON = 'reports/resilience-vitest.json';
const PLAYWRIGHT_JSON = 'reports/resilience-playwright.json';
const matching = (dir: string, pattern: RegExp) =>
	existsSync(dir)
		? readdirSync(dir)
				.filter((f) => pattern.test(f))
				.map((f) => `${dir}/${f}`)
		: [];

const UNIT_FILES = [
	'tests/unit/storage/migrations.test.ts',
	'tests/unit/resilience/hostile-importers.test.ts',
	'tests/unit/share/backup-hostile.test.ts',
	'tests/unit/share/voice-pack-hostile.test.ts',
	'tests/unit/share/link-codec.test.ts',
	'tests/unit/share/link-codec-hostile.test.ts',
	'tests/unit/content/pack-import.test.ts',
	...matching('tests/unit/storage', /^profile.*\.test\.ts$/)
].filter((f) => existsSync(f));
const BROWSER_FILES = [
	...['crash', 'update', 'save-failure', 'space', 'tabs', 'nginx', 'privacy'].map((n) => `tests/e2e/${n}.spec.ts`),
	...matching('tests/e2e', /^(profiles.*|wipe)\.spec\.ts$/)
].filter((f) => existsSync(f));

/** One table row per concern of the issue, from the test files that cover it. */
const AREAS: { label: string; files: RegExp }[] = [
	{ label: 'schema migrations (a fixture DB per version)', files: /^migrations\.test/ },
	{ label: 'crash cuts (page closed mid-write)', files: /^crash\.spec/ },
	{ label: 'service-worker update', files: /^update\.spec/ },
	{ label: 'storage pressure (quota, make room)', files: /^(save-failure|space)\.spec/ },
	{ label: 'multiple tabs', files: /^tabs\.spec/ },
	{ label: 'deployment through a real nginx', files: /^nginx\.spec/ },
	{ label: 'privacy: requests and CSP', files: /^privacy\.spec/ },
	{ label: 'profiles: isolation and wipe', files: /^(profile|wipe)/ },
	{ label: 'hostile corpus, every importer', files: /^hostile-importers\.test/ },
	{
		label: 'importers’ own hostile tests',
		files: /^(backup-hostile|voice-pack-hostile|link-codec-hostile|pack-import)\./
	},
	{ label: 'link decoder (round trips, properties)', files: /^link-codec\.test/ }
];

interface Count {
	run: number;
	failed: number;
	skipped: number;
}
type Counts = Map<string, Count>; // by test file name
const failedTests: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number | null> {
	console.log(`\n━━━ ${name}: ${command} ${args.join(' ')}`);
	return new Promise((done) => {
		const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('error', (error) => (console.error(`${name}: ${error.message}`), done(null)));
		child.on('close', done);
	});
}

const add = (counts: Counts, file: string, status: 'passed' | 'failed' | 'skipped') => {
	const c = counts.get(file) ?? { run: 0, failed: 0, skipped: 0 };
	if (status === 'skipped') c.skipped++;
	else c.run++;
	if (status === 'failed') c.failed++;
	counts.set(file, c);
};

function vitestCounts(counts: Counts): boolean {
	type Result = { name: string; assertionResults: { status: string; fullName: string }[] };
	const report = readReport<{ testResults?: Result[] }>(VITEST_JSON);
	for (const file of report?.testResults ?? [])
		for (const t of file.assertionResults) {
			if (t.status === 'failed') failedTests.push(`${file.name.split('/').pop()}: ${t.fullName}`);
			add(
				counts,
				file.name.split('/').pop()!,
				t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped'
			);
		}
	return report !== null;
}

interface PwSuite {
	file?: string;
	specs?: { title: string; tests: { status: string; projectName: string }[] }[];
	suites?: PwSuite[];
}
function playwrightCounts(counts: Counts): boolean {
	const report = readReport<{ suites?: PwSuite[] }>(PLAYWRIGHT_JSON);
	const walk = (suite: PwSuite, file: string) => {
		for (const spec of suite.specs ?? [])
			for (const t of spec.tests) {
				if (t.status === 'unexpected') failedTests.push(`${file}: ${spec.title} [${t.projectName}]`);
				add(counts, file, t.status === 'skipped' ? 'skipped' : t.status === 'unexpected' ? 'failed' : 'passed');
			}
		for (const child of suite.suites ?? []) walk(child, file);
	};
	for (const suite of report?.suites ?? []) walk(suite, (suite.file ?? '').split('/').pop()!);
	return report !== null;
}

function newestIn(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}
const buildIsStale = () =>
	!existsSync('build/index.html') ||
	Math.max(newestIn('src'), newestIn('static')) > statSync('build/index.html').mtimeMs;

const answers = (port: number) =>
	new Promise<boolean>((done) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), done(true)));
		socket.once('error', () => done(false));
	});
async function waitForFreePort(port: number): Promise<void> {
	const deadline = Date.now() + (Number(process.env.RESILIENCE_PORT_WAIT) || 600) * 1000;
	let said = false;
	while ((await answers(port)) && Date.now() < deadline) {
		if (!said) console.log(`port ${port} is in use (another Playwright run?): waiting for it to be free`);
		said = true;
		await new Promise((r) => setTimeout(r, 10_000));
	}
	if (await answers(port)) console.log(`port ${port} still in use: Playwright will reuse the server there`);
}

function printTable(rows: string[][]): void {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	for (const [i, row] of rows.entries()) {
		console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
		if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	}
}

async function main(): Promise<number> {
	mkdirSync('reports', { recursive: true });
	rmSync(VITEST_JSON, { force: true });
	rmSync(PLAYWRIGHT_JSON, { force: true });
	clearResilienceReports(['hostile', 'fastcheck', 'privacy']);
	const fcRuns = Number(process.env.FC_RUNS) || 1000;
	const problems: string[] = [];

	const vitestExit = await run(
		'unit',
		'npx',
		['vitest', 'run', ...UNIT_FILES, '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
		{ FC_RUNS: String(fcRuns) }
	);
	// null: the browser tests could not run.
	let playwrightExit: number | null = null;
	const buildOk =
		process.argv.includes('--skip-build') ||
		!buildIsStale() ||
		(await run('build (build/ is older than the sources)', 'npm', ['run', 'build'])) === 0;
	if (!buildOk) problems.push('npm run build failed: browser tests not run');
	else {
		await waitForFreePort(Number(process.env.E2E_PORT) || 4173);
		playwrightExit = await run(
			'browser',
			'npx',
			['playwright', 'test', ...BROWSER_FILES, '--output=.tmp/resilience-results'],
			{ PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON }
		);
		if (playwrightExit === null) problems.push('playwright could not be started');
	}

	const counts: Counts = new Map();
	if (!vitestCounts(counts)) problems.push(`no ${VITEST_JSON}`);
	if (playwrightExit !== null && !playwrightCounts(counts)) problems.push(`no ${PLAYWRIGHT_JSON}`);
	const figures = resilienceFigures();
	const hostile = readReport<HostileReport>(RESILIENCE_REPORTS.hostile);
	if (!hostile) problems.push(`no ${RESILIENCE_REPORTS.hostile}`);
	if (figures.fastcheck_runs === null) problems.push(`no ${RESILIENCE_REPORTS.fastcheck}`);
	if (!figures.privacy && playwrightExit !== null) problems.push(`no ${RESILIENCE_REPORTS.privacy}`);

	const total = [...counts.values()].reduce(
		(s, c) => ({ run: s.run + c.run, failed: s.failed + c.failed, skipped: s.skipped + c.skipped }),
		{ run: 0, failed: 0, skipped: 0 }
	);
	const rows = [['resilience', 'run', 'failed', 'skipped']];
	for (const area of AREAS) {
		const files = [...counts].filter(([file]) => area.files.test(file));
		const sum = (k: keyof Count) => String(files.reduce((s, [, c]) => s + c[k], 0));
		rows.push(
			files.length ? [area.label, sum('run'), sum('failed'), sum('skipped')] : [area.label, '—', '—', 'no test yet']
		);
	}
	rows.push(['scenarios, all of the above', String(total.run), String(total.failed), String(total.skipped)]);
	console.log('\n━━━ resilience summary (reports/resilience-*.json)');
	printTable(rows);

	const show = (v: number | null) => (v === null ? 'not measured' : String(v));
	const figureRows = [['figure', 'value']];
	figureRows.push([
		'hostile inputs tried / rejected cleanly',
		`${show(figures.hostile_inputs_tried)} / ${show(figures.hostile_inputs_rejected_cleanly)}` +
			(figures.hostile_known_gaps ? ` (${figures.hostile_known_gaps} known gaps)` : '')
	]);
	for (const [name, t] of Object.entries(figures.hostile_by_importer ?? {}))
		figureRows.push([`  ${name}`, `${t.tried} / ${t.rejected_cleanly}`]);
	figureRows.push([
		'fast-check runs (link decoder, backup parser)',
		`${show(figures.fastcheck_runs)} (${show(figures.fastcheck_properties)} properties, FC_RUNS=${fcRuns})`
	]);
	figureRows.push([
		'requests seen / third-party',
		figures.privacy ? `${figures.privacy.requests} / ${figures.privacy.third_party}` : 'not measured'
	]);
	figureRows.push(['CSP violations', figures.privacy ? String(figures.privacy.csp_violations) : 'not measured']);
	printTable(figureRows);
	for (const miss of hostile?.not_clean ?? [])
		console.log(
			`${miss.knownGap ? 'known gap' : 'NOT CLEAN'}: ${miss.importer}: ${miss.name}${miss.codes.length ? ` (${miss.codes.join(', ')})` : ' (imported)'}`
		);

	if (vitestExit !== 0 && !total.failed) problems.push(`vitest exited with ${vitestExit}`);
	if (playwrightExit !== 0 && playwrightExit !== null && !total.failed)
		problems.push(`playwright exited with ${playwrightExit}`);
	writeFileSync(
		'reports/resilience-summary.json',
		JSON.stringify(
			{
				generated_at: new Date().toISOString(),
				fc_runs: fcRuns,
				counts: Object.fromEntries(counts),
				total,
				failed_tests: failedTests,
				figures,
				problems
			},
			null,
			2
		) + '\n'
	);
	for (const t of failedTests) console.log(`failed: ${t}`);
	for (const p of problems) console.log(`problem: ${p}`);
	const failed = total.failed > 0 || problems.length > 0;
	console.log(failed ? `resilience: FAILED (${total.failed} failed)` : `resilience: ok, ${total.run} scenarios passed`);
	return failed ? 1 : 0;
}

main().then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	}
);
