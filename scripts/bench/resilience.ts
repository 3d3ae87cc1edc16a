/**
 * `resilience` in reports/bench.json (issue 9): runs, in a child Vitest, the hostile corpus
 * against every importer and the property tests of the link decoder and the backup parser at
 * 10 000 runs a property (BENCH_FC_RUNS), then returns the figures they write to
 * reports/resilience-*.json, with the latest privacy figures of the browser test when
 * reports/resilience-privacy.json exists (its `generated_at` says when). Robust: a failed or
 * crashed run is recorded in the object (`ok: false`, `error`), never thrown.
 */
import { spawn } from 'node:child_process';
import { clearResilienceReports, resilienceFigures } from '../lib/resilience-reports';

const FILES = [
	'tests/unit/resilience/hostile-importers.test.ts',
	'tests/unit/share/link-codec.test.ts',
	'tests/unit/share/backup-hostile.test.ts'
];
const VITEST_JSON = 'reports/resilience-bench-vitest.json';

function vitest(runs: number): Promise<{ code: number | null; tail: string }> {
	const args = ['vitest', 'run', ...FILES, '--reporter=dot', '--reporter=json', `--outputFile.json=${VITEST_JSON}`];
	// Properties without their own timeout would hit Vitest's 5 s at 10 000 runs.
	args.push('--testTimeout=600000');
	return new Promise((done) => {
		let output = '';
		const child = spawn('npx', args, {
			env: { ...process.env, FC_RUNS: String(runs) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const keep = (b: Buffer) => (output = (output + b.toString()).slice(-4000));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', (error) => done({ code: null, tail: error.message }));
		child.on('close', (code) => done({ code, tail: output }));
	});
}

export async function measureResilience(): Promise<Record<string, unknown>> {
	const runs = Number(process.env.BENCH_FC_RUNS) || 10_000;
	const started = Date.now();
	try {
		clearResilienceReports(['hostile', 'fastcheck']);
		const { code, tail } = await vitest(runs);
		const figures = resilienceFigures();
		const lastLines = tail
			.replace(/\x1b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex -- terminal colours
			.trim()
			.split('\n')
			.slice(-12)
			.join('\n');
		return {
			resilience: {
				ok: code === 0,
				fc_runs_per_property: runs,
				seconds: Math.round((Date.now() - started) / 1000),
				...figures,
				...(code === 0 ? {} : { error: `vitest exited with ${code}`, output_tail: lastLines })
			}
		};
	} catch (error) {
		return { resilience: { ok: false, fc_runs_per_property: runs, error: (error as Error).message } };
	}
}

// `npx tsx scripts/bench/resilience.ts` prints the figures alone.
if (process.argv[1]?.endsWith('bench/resilience.ts')) console.log(JSON.stringify(await measureResilience(), null, 2));
