/**
 * `npm run bench`: build, measure bytes against bench/budgets.json, run Lighthouse (mobile preset:
 * Moto G Power, slow 4G, 4x CPU slowdown) on each route, write reports/bench.json and print it.
 *
 * Only byte budgets can fail the bench (exit 1). Lighthouse scores and timings vary from run to
 * run and machine to machine, so they are reported beside their targets, never enforced.
 *
 * Options: --skip-build (measure the existing build/), BENCH_RUNS=n (Lighthouse runs per route,
 * median kept; default 1), BENCH_PORT (default 4173).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, findChrome } from './find-chrome';
import { kib, measureBudgets, printBudgetTable } from './budgets';

// ── Routes ────────────────────────────────────────────────────────────────────────────────────
// Add a route here and it is audited: { name: 'quiz', path: '/quiz' }.
export const ROUTES: { name: string; path: string }[] = [{ name: 'home', path: '/' }];
// Language variants: each code adds `<name>@<lang>` audited at `<path>?lang=<lang>`, e.g. ['ar', 'en'].
export const LANGS: string[] = [];

// ── Extension point: extra measurers ──────────────────────────────────────────────────────────
// Other work can add timings here (e.g. time-to-offline-ready, measured with Playwright's
// chromium via `chromium.launch({ executablePath: ctx.chromePath, args: CHROME_FLAGS })`).
// Each returns keys merged into reports/bench.json. A throwing measurer is recorded under
// `extra_errors` and never fails the bench.
export interface MeasureContext {
	/** e.g. http://127.0.0.1:4173, with the fresh build served by scripts/serve.ts. */
	baseUrl: string;
	chromePath: string;
}
export type ExtraMeasurer = (ctx: MeasureContext) => Promise<Record<string, unknown>>;
export const EXTRA_MEASURERS: ExtraMeasurer[] = [];

// ── Lighthouse ────────────────────────────────────────────────────────────────────────────────
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface LighthouseFigures {
	performance: number | null;
	accessibility: number | null;
	'best-practices': number | null;
	lcp_ms: number | null;
	tbt_ms: number | null;
	cls: number | null;
	/** Audits that cost points (`category: audit-id`), so a score below target says what to fix. */
	issues: string[];
}

function median(values: (number | null)[]): number | null {
	const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
	if (!xs.length) return null;
	const mid = Math.floor(xs.length / 2);
	return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

async function audit(url: string, port: number): Promise<LighthouseFigures> {
	// No config argument = Lighthouse's default config, which is the mobile preset.
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
	if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
	const { categories, audits, runtimeError } = result.lhr;
	if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code}: ${runtimeError.message}`);
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
		issues: CATEGORIES.flatMap((c) =>
			(categories[c]?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
				.map((ref) => `${c}: ${ref.id}`)
		)
	};
}

async function lighthouseAll(baseUrl: string, chromePath: string, runs: number) {
	const targets = ROUTES.flatMap((r) => [
		{ name: r.name, path: r.path },
		...LANGS.map((lang) => ({
			name: `${r.name}@${lang}`,
			path: `${r.path}${r.path.includes('?') ? '&' : '?'}lang=${lang}`
		}))
	]);
	const out: Record<string, LighthouseFigures | { error: string }> = {};
	const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
	try {
		for (const t of targets) {
			try {
				const samples: LighthouseFigures[] = [];
				for (let i = 0; i < runs; i++) samples.push(await audit(new URL(t.path, baseUrl).href, chrome.port));
				const numeric = ['performance', 'accessibility', 'best-practices', 'lcp_ms', 'tbt_ms', 'cls'] as const;
				const medians = Object.fromEntries(numeric.map((k) => [k, median(samples.map((s) => s[k]))]));
				out[t.name] = { ...(medians as Omit<LighthouseFigures, 'issues'>), issues: samples.at(-1)!.issues };
			} catch (error) {
				out[t.name] = { error: (error as Error).message };
			}
			console.log(`lighthouse ${t.name} (${t.path}): ${JSON.stringify(out[t.name])}`);
		}
	} finally {
		await chrome.kill();
	}
	return out;
}

// ── Preview server ────────────────────────────────────────────────────────────────────────────
async function startPreview(port: number): Promise<{ server: ChildProcess; baseUrl: string }> {
	const baseUrl = `http://127.0.0.1:${port}`;
	// detached: npx starts vite in a child process; owning the process group lets us stop both.
	const server = spawn('npx', ['tsx', 'scripts/serve.ts', '--port', String(port)], {
		stdio: ['ignore', 'ignore', 'inherit'],
		detached: true
	});
	let exited: number | null | undefined;
	server.on('exit', (code) => (exited = code));
	for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
		if (exited !== undefined)
			throw new Error(`the static server exited (code ${exited}); is port ${port} already in use?`);
		try {
			if ((await fetch(baseUrl)).ok) return { server, baseUrl };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	stopPreview(server);
	throw new Error(`the static server did not answer on ${baseUrl} within 30 s`);
}

function stopPreview(server: ChildProcess): void {
	if (server.pid === undefined || server.exitCode !== null) return;
	try {
		process.kill(-server.pid, 'SIGTERM'); // our own process group only
	} catch {
		server.kill('SIGTERM');
	}
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<number> {
	if (!process.argv.includes('--skip-build')) {
		const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	const bytes = measureBudgets();
	const chromePath = findChrome();
	const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 1);
	const { server, baseUrl } = await startPreview(Number(process.env.BENCH_PORT) || 4173);
	// Make sure Ctrl-C does not leave a preview server holding the port.
	const onSignal = () => (stopPreview(server), process.exit(130));
	process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

	let lighthouseResults: Awaited<ReturnType<typeof lighthouseAll>>;
	const extra: Record<string, unknown> = {};
	const extraErrors: string[] = [];
	try {
		lighthouseResults = await lighthouseAll(baseUrl, chromePath, runs);
		for (const measure of EXTRA_MEASURERS) {
			try {
				Object.assign(extra, await measure({ baseUrl, chromePath }));
			} catch (error) {
				extraErrors.push(`${measure.name || 'measurer'}: ${(error as Error).message}`);
			}
		}
	} finally {
		stopPreview(server);
	}

	const report = {
		generated_at: new Date().toISOString(),
		first_route_js_gz_bytes: bytes.first_route_js_gz_bytes,
		route_js_gz_bytes: { max: bytes.route_js_gz_bytes, ...bytes.route_js_gz_bytes_by_route },
		precache_bytes: bytes.precache_bytes,
		precache_files: bytes.precache_files,
		lighthouse: lighthouseResults,
		lighthouse_runs: runs,
		...extra,
		...(extraErrors.length ? { extra_errors: extraErrors } : {}),
		budgets: bytes.budgets,
		over_budget: bytes.rows.filter((r) => !r.ok).map((r) => r.figure)
	};
	mkdirSync('reports', { recursive: true });
	writeFileSync('reports/bench.json', JSON.stringify(report, null, 2) + '\n');
	console.log(JSON.stringify(report, null, 2));

	console.log('\n━━━ bench summary (reports/bench.json)');
	printBudgetTable(bytes);
	const min = (bytes.budgets.lighthouse_min ?? {}) as Record<string, number>;
	for (const [name, r] of Object.entries(lighthouseResults)) {
		if ('error' in r) {
			console.log(`lighthouse ${name}: error: ${r.error}`);
			continue;
		}
		const scores = CATEGORIES.map(
			(c) => `${c} ${r[c] ?? '–'}${min[c] !== undefined && (r[c] ?? 0) < min[c] ? ` (< ${min[c]})` : ''}`
		);
		console.log(`lighthouse ${name}: ${scores.join(', ')}; LCP ${r.lcp_ms} ms, TBT ${r.tbt_ms} ms, CLS ${r.cls}`);
		if (r.issues.length) console.log(`  costs points: ${r.issues.join(', ')}`);
	}
	for (const [key, value] of Object.entries(extra)) console.log(`${key}: ${JSON.stringify(value)}`);
	for (const e of extraErrors) console.log(`extra measurer failed: ${e}`);
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
