/**
 * `npm run bench`: build, measure bytes against bench/budgets.json, run Lighthouse (mobile preset:
 * Moto G Power, slow 4G, 4x CPU slowdown) on each route in each language, time the quiz and an
 * offline cold start in Chromium (scripts/bench/, 4x CPU slowdown), write reports/bench.json and
 * print a one-screen summary with each figure beside its budget or target.
 *
 * Only byte budgets can fail the bench (exit 1). Lighthouse scores and timings vary from run to
 * run and machine to machine, so they are reported beside their targets, never enforced.
 *
 * Options: --skip-build (measure the existing build/), BENCH_RUNS=n (Lighthouse runs per route,
 * median kept; default 5: one Lighthouse run on a shared two-core machine moves by several points,
 * and medians still do: two batches of runs of one build gave /experiences in Arabic a median
 * TBT of 130 and 98 ms),
 * BENCH_ROUTES=/,/quiz (default: all of ROUTES; "none" skips Lighthouse),
 * BENCH_LANGS=fr,ar (default: all of LANGS), BENCH_ANSWERS (default 50), BENCH_COLD_STARTS
 * (default 5), BENCH_PORT (default: a free port), BENCH_EXTRAS=none (Lighthouse and bytes only; or a
 * comma-separated list of measurer names, e.g. measurePortfolioScale), BENCH_SCALES=1000,5000 (the
 * portfolio_scale sizes, by answer count; default all), BENCH_RENDERS (portfolio opens per size, default 3).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, findChrome } from './find-chrome';
import { freePort } from './lib/free-port';
import { localCertificate, trustFlag, type LocalCertificate } from './lib/local-tls';
import { BUILD_DIR, kib, measureBudgets, printBudgetTable } from './budgets';
import { MEASURED_LANGUAGES, PARTICIPANT_ROUTES } from './lib/participant-routes';
import { measureAnswerLatency } from './bench/answer-latency';
import { langFlags } from './bench/browser';
import { measureOfflineColdStart } from './bench/offline-cold-start';
import { measurePortfolioLink, samplePortfolioLink } from './bench/portfolio-link';
import { measurePdfAndBackup } from './bench/pdf-and-backup';
import { measureTapToSound } from './bench/tap-to-sound';
import { measurePortfolioScale } from './bench/portfolio-scale';
import { measureResilience } from './bench/resilience';
import { measureRouteJsTotals } from './bench/route-js-total';
import type { ResilienceFigures } from './lib/resilience-reports';

// ── Routes ────────────────────────────────────────────────────────────────────────────────────
// Each route is audited once per language, reported as lighthouse["<path>:<lang>"], e.g. "/quiz:ar".
// The language is Chromium's (--lang and --accept-lang, see langFlags), which the app follows through
// navigator.languages; a fresh Lighthouse profile has no language setting of its own.
// BENCH_ROUTES (comma-separated paths, "home" = "/", "none" = skip Lighthouse) and BENCH_LANGS narrow the set.
export const ROUTES: string[] = [...PARTICIPANT_ROUTES];
export const LANGS: string[] = [...MEASURED_LANGUAGES];
/** What Lighthouse's fresh, empty profile sees on a route, for the summary. */
const ROUTE_NOTES: Record<string, string> = {
	'/quiz': 'fresh profile: start screen, no card',
	'/strengths': 'fresh profile: no strengths yet',
	'/portfolio': 'fresh profile: empty portfolio',
	'/share': 'a link to a full portfolio (every competence)'
};

/** The address audited for a route: the shared-link view needs a link to show. */
const routeUrl = (path: string, baseUrl: string) =>
	path === '/share' ? samplePortfolioLink(`${baseUrl}/`) : new URL(path, baseUrl).href;

function listFromEnv(name: string, fallback: string[], normalise: (item: string) => string = (x) => x): string[] {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	if (raw.trim() === 'none') return [];
	return [
		...new Set(
			raw
				.split(',')
				.map((x) => normalise(x.trim()))
				.filter(Boolean)
		)
	];
}
const routePath = (r: string) => (r === 'home' ? '/' : r.startsWith('/') ? r : `/${r}`);

// ── Extension point: extra measurers ──────────────────────────────────────────────────────────
// Timings measured in Chromium with Playwright live in scripts/bench/ (launchChromium, throttleCpu,
// newBenchContext in scripts/bench/browser.ts). Each returns keys merged into reports/bench.json;
// printTimingSummary shows them beside their target. They run one after another, after Lighthouse,
// so that they never compete for the CPU. A throwing measurer is recorded under `extra_errors` and
// never fails the bench.
export interface MeasureContext {
	/** e.g. http://127.0.0.1:39657, with the fresh build served by scripts/serve.ts. */
	baseUrl: string;
	chromePath: string;
}
export type ExtraMeasurer = (ctx: MeasureContext) => Promise<Record<string, unknown>>;
export const EXTRA_MEASURERS: ExtraMeasurer[] = [
	measureAnswerLatency,
	measureOfflineColdStart,
	measurePortfolioLink,
	measurePdfAndBackup,
	measureTapToSound,
	measurePortfolioScale,
	measureResilience,
	measureRouteJsTotals
];

// ── Lighthouse ────────────────────────────────────────────────────────────────────────────────
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface LighthouseFigures {
	performance: number | null;
	accessibility: number | null;
	'best-practices': number | null;
	lcp_ms: number | null;
	tbt_ms: number | null;
	cls: number | null;
	/** Lighthouse's CPU benchmark of the host during the run: low values (busy or slow machine) inflate LCP and TBT. */
	benchmark_index: number | null;
	/** Audits that cost points (`category: audit-id`), so a score below target says what to fix. */
	issues: string[];
}

function median(values: (number | null)[]): number | null {
	const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
	if (!xs.length) return null;
	const mid = Math.floor(xs.length / 2);
	return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** The full Lighthouse report of each route's last run, for digging into a score: reports/lighthouse/. */
const LHR_DIR = 'reports/lighthouse';

async function audit(url: string, port: number, reportName: string): Promise<LighthouseFigures> {
	// No config argument = Lighthouse's default config, which is the mobile preset.
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
	if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
	const { categories, audits, runtimeError } = result.lhr;
	if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code}: ${runtimeError.message}`);
	mkdirSync(LHR_DIR, { recursive: true });
	writeFileSync(join(LHR_DIR, `${reportName}.json`), JSON.stringify(result.lhr));
	const score = (id: string) => (categories[id]?.score == null ? null : Math.round(categories[id].score * 100));
	const metric = (id: string, digits: number) => {
		const v = audits[id]?.numericValue;
		return typeof v === 'number' ? Number(v.toFixed(digits)) : null;
	};
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		'best-practices': score('best-practices'),
		lcp_ms: metric('largest-contentful-paint', 0),
		tbt_ms: metric('total-blocking-time', 0),
		cls: metric('cumulative-layout-shift', 3),
		benchmark_index: Math.round(result.lhr.environment.benchmarkIndex),
		issues: CATEGORIES.flatMap((c) =>
			(categories[c]?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
				.map((ref) => `${c}: ${ref.id}`)
		)
	};
}

const reportName = (key: string) =>
	key
		.replace(/^\//, '')
		.replace(/[^a-z0-9]+/gi, '-')
		.replace(/^-/, 'home-');

async function lighthouseAll(
	preview: Preview,
	chromePath: string,
	runs: number,
	routes: string[],
	langs: string[],
	extraFlags: string[]
) {
	const out: Record<string, LighthouseFigures | { error: string }> = {};
	if (!routes.length) return out;
	const numeric = [
		'performance',
		'accessibility',
		'best-practices',
		'lcp_ms',
		'tbt_ms',
		'cls',
		'benchmark_index'
	] as const;
	// One browser per language: the flags set navigator.languages and Accept-Language for the whole browser.
	for (const lang of langs) {
		const chrome = await chromeLauncher.launch({
			chromePath,
			chromeFlags: [...CHROME_FLAGS, ...langFlags(lang), ...extraFlags],
			logLevel: 'error'
		});
		try {
			for (const path of routes) {
				const key = `${path}:${lang}`;
				const started = Date.now();
				try {
					const samples: LighthouseFigures[] = [];
					for (let i = 0; i < runs; i++)
						samples.push(
							await preview.guard(() => audit(routeUrl(path, preview.baseUrl), chrome.port, reportName(key)))
						);
					const medians = Object.fromEntries(numeric.map((k) => [k, median(samples.map((s) => s[k]))]));
					out[key] = { ...(medians as Omit<LighthouseFigures, 'issues'>), issues: samples.at(-1)!.issues };
				} catch (error) {
					out[key] = { error: (error as Error).message };
				}
				console.log(`lighthouse ${key} (${((Date.now() - started) / 1000).toFixed(0)} s): ${JSON.stringify(out[key])}`);
			}
		} finally {
			await chrome.kill();
		}
	}
	return out;
}

// ── Preview server ────────────────────────────────────────────────────────────────────────────
/**
 * A private copy of build/, so that a build started elsewhere while the bench runs (it takes minutes)
 * neither changes what is measured nor leaves the server without files. Retried while build/ looks
 * half-written.
 */
async function snapshotBuild(): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		const dir = mkdtempSync(join(tmpdir(), 'atouts-bench-'));
		try {
			cpSync(BUILD_DIR, dir, { recursive: true });
			const complete =
				['index.html', '200.html', 'service-worker.js'].every((f) => existsSync(join(dir, f))) &&
				// inject-precache.ts, the last build step, replaces this marker with the precache list.
				!readFileSync(join(dir, 'service-worker.js'), 'utf8').includes('self.__WB_MANIFEST');
			if (complete) return dir;
		} catch {
			// a file vanished during the copy: another build is writing build/
		}
		rmSync(dir, { recursive: true, force: true });
		if (attempt === 10) throw new Error(`${BUILD_DIR}/ stayed incomplete for 30 s: is another build running?`);
		await new Promise((r) => setTimeout(r, 3000));
	}
}

async function startPreview(
	port: number,
	dir: string,
	tls?: LocalCertificate
): Promise<{ server: ChildProcess; baseUrl: string }> {
	const baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	const tlsArgs = tls ? ['--cert', tls.certFile, '--key', tls.keyFile] : [];
	// One node process with tsx's loader (npx would put two more processes in between); detached, so that
	// stopping its process group also stops anything it may start.
	const server = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--dir', dir, ...tlsArgs],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
			detached: true
		}
	);
	let exited: number | null | undefined;
	let listening = false;
	server.on('exit', (code, signal) => {
		exited = code;
		if (!stopping.has(server))
			console.error(`bench: the static server on ${baseUrl} stopped (code ${code}, signal ${signal})`);
	});
	// serve.ts says so once it listens: until then an answer on the port would come from someone else's server.
	server.stdout!.on('data', (chunk: Buffer) => (listening ||= chunk.toString().includes(baseUrl)));
	for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
		if (exited !== undefined)
			throw new Error(`the static server exited (code ${exited}); is port ${port} already in use?`);
		try {
			// (Node's fetch would refuse the throwaway certificate: serve.ts's own line is enough there.)
			if (listening && (tls || (await fetch(baseUrl)).ok)) return { server, baseUrl };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	stopPreview(server);
	throw new Error(`the static server did not answer on ${baseUrl} within 30 s`);
}

const stopping = new WeakSet<ChildProcess>();

function stopPreview(server: ChildProcess): void {
	stopping.add(server);
	if (server.pid === undefined) return;
	try {
		// Our own process group only; also when its leader is gone but something it started is not.
		process.kill(-server.pid, 'SIGTERM');
	} catch {
		// the group is gone already
	}
}

/**
 * The static server, restarted on the same port when something outside the bench stops it (other
 * work on this machine sometimes does): the step that was running when it stopped is run again once.
 */
class Preview {
	restarts = 0;
	private constructor(
		private server: ChildProcess,
		readonly baseUrl: string,
		private readonly port: number,
		private readonly dir: string,
		private readonly tls?: LocalCertificate
	) {}

	static async start(port: number, dir: string, tls?: LocalCertificate): Promise<Preview> {
		const { server, baseUrl } = await startPreview(port, dir, tls);
		return new Preview(server, baseUrl, port, dir, tls);
	}

	private get alive(): boolean {
		return this.server.exitCode === null && this.server.signalCode === null;
	}

	private async ensure(): Promise<void> {
		if (this.alive) return;
		this.restarts++;
		console.error(`bench: restarting the static server on ${this.baseUrl}`);
		stopPreview(this.server);
		this.server = (await startPreview(this.port, this.dir, this.tls)).server;
	}

	/** Runs `step` with the server up; when the server stopped while it ran, restarts it and runs it again. */
	async guard<T>(step: () => Promise<T>): Promise<T> {
		await this.ensure();
		try {
			return await step();
		} catch (error) {
			// Give the exit event a moment to arrive: the failure may be seen before the process is reaped.
			await new Promise((r) => setTimeout(r, 500));
			if (this.alive) throw error;
			await this.ensure();
			return await step();
		}
	}

	stop(): void {
		stopPreview(this.server);
	}
}

// ── Summary ───────────────────────────────────────────────────────────────────────────────────
function printTable(rows: string[][]): void {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	for (const r of rows)
		console.log(
			r
				.map((cell, i) => cell.padEnd(widths[i]!))
				.join('  ')
				.trimEnd()
		);
}

function printLighthouseSummary(
	results: Record<string, LighthouseFigures | { error: string }>,
	min: Record<string, number>,
	runs: number
): void {
	if (!Object.keys(results).length) return console.log('lighthouse: skipped (BENCH_ROUTES=none)');
	const bench = Object.values(results).flatMap((r) =>
		'error' in r || r.benchmark_index === null ? [] : [r.benchmark_index]
	);
	console.log(
		`lighthouse, mobile preset (4× CPU, slow 4G), ${runs === 1 ? '1 run' : `median of ${runs} runs`}; ` +
			'scores as value/target (* below target), LCP/TBT/CLS reported' +
			(bench.length ? `; host benchmarkIndex ${Math.min(...bench)}–${Math.max(...bench)}` : '')
	);
	const short: Record<(typeof CATEGORIES)[number], string> = {
		performance: 'perf',
		accessibility: 'a11y',
		'best-practices': 'best-pr.'
	};
	const rows = [['route:lang', ...CATEGORIES.map((c) => short[c]), 'LCP ms', 'TBT ms', 'CLS', '']];
	const issues = new Map<string, string[]>();
	const errors: string[] = [];
	for (const [key, r] of Object.entries(results)) {
		const note = ROUTE_NOTES[key.slice(0, key.lastIndexOf(':'))];
		if ('error' in r) {
			errors.push(`  ${key}: error: ${r.error}`);
			continue;
		}
		const scores = CATEGORIES.map((c) => {
			const target = min[c] ?? 100;
			return `${r[c] ?? '–'}/${target}${r[c] === null || r[c] < target ? '*' : ''}`;
		});
		rows.push([
			key,
			...scores,
			String(r.lcp_ms ?? '–'),
			String(r.tbt_ms ?? '–'),
			String(r.cls ?? '–'),
			note ? `(${note})` : ''
		]);
		for (const issue of r.issues) issues.set(issue, [...(issues.get(issue) ?? []), key]);
	}
	if (rows.length > 1) printTable(rows);
	for (const e of errors) console.log(e);
	const all = Object.keys(results).length;
	for (const [issue, keys] of issues)
		console.log(`  costs points: ${issue} on ${keys.length === all ? 'every route' : keys.join(' ')}`);
}

/** Timings measured by EXTRA_MEASURERS: reported beside "reported", never a budget. */
function printTimingSummary(extra: Record<string, unknown>): void {
	const shown = new Set<string>();
	const get = (key: string) => (shown.add(key), extra[key]);
	const rows = [['timing (4× CPU slowdown, fr)', 'value', 'target']];
	if ('answer_to_next_card_ms_median' in extra) {
		const rounds = get('answer_to_next_card_rounds');
		rows.push([
			'answer_to_next_card_ms',
			`median ${get('answer_to_next_card_ms_median')}, p90 ${get('answer_to_next_card_ms_p90')}, ` +
				`n ${get('answer_to_next_card_ms_n')}${rounds ? ` (${rounds} rounds)` : ''}`,
			'reported'
		]);
	}
	if ('offline_cold_start_ms' in extra) {
		const samples = get('offline_cold_start_samples_ms');
		rows.push([
			'offline_cold_start_ms',
			`median ${get('offline_cold_start_ms')}${Array.isArray(samples) ? ` of ${samples.join(', ')}` : ''}`,
			'reported'
		]);
	}
	const resilience = get('resilience') as (ResilienceFigures & { ok: boolean; error?: string }) | undefined;
	if (resilience) {
		const { hostile_inputs_tried: tried, hostile_inputs_rejected_cleanly: clean, privacy } = resilience;
		rows.push(['resilience: hostile inputs rejected cleanly', `${clean} of ${tried}`, 'all']);
		rows.push(['resilience: fast-check runs', String(resilience.fastcheck_runs), '10 000 a property']);
		if (privacy)
			rows.push([
				'resilience: requests, third-party, CSP',
				`${privacy.requests}, ${privacy.third_party}, ${privacy.csp_violations}`,
				'…, 0, 0'
			]);
		if (!resilience.ok) rows.push(['resilience: FAILED', resilience.error ?? '', 'ok']);
	}
	if ('route_js_loaded_gz_bytes_max' in extra) {
		get('route_js_loaded_gz_bytes'); // per route in reports/bench.json
		rows.push([
			'JS a route downloads in all, gz (max over routes, fr and ar)',
			`${kib(Number(get('route_js_loaded_gz_bytes_max')))}; content JSON beside it ${kib(Number(get('route_content_json_gz_bytes_max')))}`,
			'120 KiB'
		]);
	}
	for (const [key, value] of Object.entries(extra))
		if (!shown.has(key)) rows.push([key, JSON.stringify(value), 'reported']);
	if (rows.length > 1) printTable(rows);
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<number> {
	if (!process.argv.includes('--skip-build')) {
		const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	const snapshot = await snapshotBuild();
	const certificate = localCertificate();
	const cleanUp = () => {
		rmSync(snapshot, { recursive: true, force: true });
		rmSync(certificate.dir, { recursive: true, force: true });
	};
	let bytes: ReturnType<typeof measureBudgets>;
	let preview: Preview;
	// Lighthouse is served over HTTPS and HTTP/2, as the app is deployed (see local-tls.ts); the
	// Playwright measurers use plain HTTP on localhost, where only CPU and storage matter.
	let securePreview: Preview;
	try {
		bytes = measureBudgets(snapshot);
		preview = await Preview.start(Number(process.env.BENCH_PORT) || (await freePort()), snapshot);
		securePreview = await Preview.start(await freePort(), snapshot, certificate);
	} catch (error) {
		cleanUp();
		throw error;
	}
	const chromePath = findChrome();
	const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
	const routes = listFromEnv('BENCH_ROUTES', ROUTES, routePath);
	const langs = listFromEnv('BENCH_LANGS', LANGS);
	const { baseUrl } = preview;
	// Make sure Ctrl-C does not leave a preview server holding the port, nor the snapshot behind.
	const onSignal = () => (preview.stop(), securePreview.stop(), cleanUp(), process.exit(130));
	process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

	let lighthouseResults: Awaited<ReturnType<typeof lighthouseAll>>;
	const extra: Record<string, unknown> = {};
	const extraErrors: string[] = [];
	try {
		lighthouseResults = await lighthouseAll(securePreview, chromePath, runs, routes, langs, [trustFlag(certificate)]);
		securePreview.stop();
		const only = listFromEnv(
			'BENCH_EXTRAS',
			EXTRA_MEASURERS.map((m) => m.name)
		);
		for (const measure of EXTRA_MEASURERS.filter((m) => only.includes(m.name))) {
			try {
				Object.assign(extra, await preview.guard(() => measure({ baseUrl, chromePath })));
			} catch (error) {
				// Playwright's messages go on with a colored call log: the first line says what failed.
				const message = (error as Error).message.split('\n')[0];
				extraErrors.push(`${measure.name || 'measurer'}: ${message}`);
			}
		}
	} finally {
		preview.stop();
		securePreview.stop();
		cleanUp();
	}

	const restarts = preview.restarts + securePreview.restarts;
	const report = {
		generated_at: new Date().toISOString(),
		first_route_js_gz_bytes: bytes.first_route_js_gz_bytes,
		route_js_gz_bytes: { max: bytes.route_js_gz_bytes, ...bytes.route_js_gz_bytes_by_route },
		precache_bytes: bytes.precache_bytes,
		precache_gz_bytes: bytes.precache_gz_bytes,
		precache_files: bytes.precache_files,
		lighthouse: lighthouseResults,
		lighthouse_runs: runs,
		...extra,
		...(extraErrors.length ? { extra_errors: extraErrors } : {}),
		...(restarts ? { static_server_restarts: restarts } : {}),
		budgets: bytes.budgets,
		over_budget: bytes.rows.filter((r) => !r.ok).map((r) => r.figure)
	};
	mkdirSync('reports', { recursive: true });
	writeFileSync('reports/bench.json', JSON.stringify(report, null, 2) + '\n');
	console.log(JSON.stringify(report, null, 2));

	console.log('\n━━━ bench summary (reports/bench.json)');
	printBudgetTable(bytes);
	printLighthouseSummary(lighthouseResults, (bytes.budgets.lighthouse_min ?? {}) as Record<string, number>, runs);
	printTimingSummary(extra);
	for (const e of extraErrors) console.log(`extra measurer failed: ${e}`);
	if (restarts) console.log(`static server: stopped from outside and restarted ${restarts}× (figures may be noisier)`);
	console.log(
		bytes.ok
			? 'bench: byte budgets ok'
			: `bench: OVER byte budget: ${report.over_budget.join(', ')} (first route ${kib(bytes.first_route_js_gz_bytes)} gz)`
	);
	return bytes.ok ? 0 : 1;
}

main().then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(`bench: ${(error as Error).message}`);
		process.exitCode = 1;
	}
);
