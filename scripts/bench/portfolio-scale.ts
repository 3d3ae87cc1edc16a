/**
 * portfolio_render_ms: opening /portfolio with 60 recognised competences and 20 photos, on a
 * 360×640 phone under a 4× CPU slowdown: from navigation start to the moment every competence
 * row is in the page. Also the growth with scale (issue: 5,000 answers and 200 pieces of
 * evidence): render time, the longest main-thread task while rendering (PerformanceObserver
 * "longtask", the UI is frozen for that long), and the time to write a backup of it all with
 * the longest task while it is written. Target: no task over 100 ms at any scale. Beside each
 * longest task, the longest run of script (Long Animation Frames): how much of it is app code.
 * Data is written straight into IndexedDB in the app's own record shapes before each sample.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { MeasureContext } from '../bench';
import { launchChromium, median, newBenchContext, throttleCpu } from './browser';

const COMPETENCES = (
	JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as { id: string }[]
).map((c) => c.id);
const ALL_SCALES = [
	{ answers: 300, evidence: 20 },
	{ answers: 1000, evidence: 50 },
	{ answers: 2500, evidence: 100 },
	{ answers: 5000, evidence: 200 }
];
/** BENCH_SCALES=300,5000 keeps only those answer counts (quicker runs while working on one scale). */
const SCALES = process.env.BENCH_SCALES
	? ALL_SCALES.filter((s) => process.env.BENCH_SCALES!.split(',').map(Number).includes(s.answers))
	: ALL_SCALES;
const SAMPLES = Number(process.env.BENCH_RENDERS) || 3;

/**
 * Records when N competence rows are present, every long task, and the longest stretch of script
 * in each long animation frame (what app code ran without a break; the rest of a long task is the
 * browser's own work: parsing, style, layout, paint), from the start of each document. The moment
 * the rows are in is also logged to the console, so the bench can wait for it without evaluating
 * anything in the page: Playwright's first evaluation compiles its own injected script on the
 * page's main thread (~100 ms at 4× CPU), a long task that is the harness's, not the app's.
 */
const WATCH = `(() => {
	window.__longTasks = [];
	window.__scripts = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
		new PerformanceObserver((list) => {
			for (const frame of list.getEntries())
				for (const s of frame.scripts)
					window.__scripts.push({
						start: s.startTime,
						duration: s.duration,
						what: [s.invoker, s.sourceFunctionName, String(s.sourceURL).split('/').pop()].filter(Boolean).join(' ')
					});
		}).observe({ type: 'long-animation-frame', buffered: true });
	} catch {}
	const want = Number(sessionStorage.getItem('bench.rows') || 0);
	// Counted once per frame, not after every change: the page adds rows in many small steps, and
	// a query after each would lengthen the very tasks being measured.
	let pending = false;
	const check = () => {
		pending = false;
		if (window.__rowsAt) return;
		if (document.querySelectorAll('[data-testid^="portfolio-"] strong').length >= want) {
			window.__rowsAt = performance.now();
			console.debug('bench:rows-in');
			watcher.disconnect();
		}
	};
	const watcher = new MutationObserver(() => {
		if (!want || pending) return;
		pending = true;
		requestAnimationFrame(check);
	});
	watcher.observe(document, { subtree: true, childList: true });
})();`;
/** After the last row is in: late work (images, layout) still counts as opening the portfolio. */
const SETTLE_MS = 1000;
/** `what`: for a stretch of script, what ran it (Long Animation Frames' invoker, function and file). */
type LongTask = { start: number; duration: number; what?: string };

/** The longest of `tasks`, rounded, and what it was. */
function longestOf(tasks: LongTask[]): { ms: number; what: string } {
	const longest = tasks.reduce<LongTask | undefined>((a, t) => (!a || t.duration > a.duration ? t : a), undefined);
	return { ms: Math.round(longest?.duration ?? 0), what: longest?.what ?? '' };
}

async function seed(page: Page, answers: number, evidence: number, competences: string[]) {
	await page.evaluate(
		async ({ answers, evidence, competences }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('atouts');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const photos: Blob[] = [];
			const canvas = new OffscreenCanvas(480, 360);
			const g = canvas.getContext('2d')!;
			for (let i = 0; i < Math.min(evidence, 10); i++) {
				for (let y = 0; y < 360; y += 12)
					for (let x = 0; x < 480; x += 12) {
						g.fillStyle = `hsl(${(x + y * i) % 360} 60% ${30 + ((x * y) % 40)}%)`;
						g.fillRect(x, y, 12, 12);
					}
				photos.push(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }));
			}
			const tx = db.transaction(['answers', 'evidence', 'rounds'], 'readwrite');
			for (const store of ['answers', 'evidence', 'rounds']) tx.objectStore(store).clear();
			const t0 = Date.now() - answers * 60_000;
			for (let i = 0; i < answers; i++)
				tx.objectStore('answers').put({
					id: `bench-${i}`,
					profileId: 'default',
					roundId: `bench-round-${Math.floor(i / 10)}`,
					cardId: `bench-card-${i % 10}`,
					packId: 'socle',
					at: t0 + i * 60_000,
					value: { kind: 'self', competence: competences[i % competences.length], level: 1 + ((i >> 6) % 3) }
				});
			for (let i = 0; i < evidence; i++) {
				const blob = photos[i % photos.length]!;
				tx.objectStore('evidence').put({
					id: `bench-photo-${i}`,
					profileId: 'default',
					competence: competences[i % competences.length],
					kind: 'photo',
					mime: 'image/jpeg',
					blob,
					bytes: blob.size,
					createdAt: t0 + i * 1000,
					hidden: false
				});
			}
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ answers, evidence, competences }
	);
}

async function renderOnce(page: Page, baseUrl: string, rows: number) {
	await page.evaluate((n) => sessionStorage.setItem('bench.rows', String(n)), rows);
	// Leave the previous page first: its teardown ran in the task that commits the next page, and
	// SvelteKit's hide handler, saving the scroll position, restyled a 5,000-answer portfolio still
	// adding rows (a 145 ms task at 4× CPU, counted as the next opening's). A person opens the
	// portfolio from another screen of the app, with no page torn down.
	await page.goto('about:blank');
	const rowsIn = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:rows-in', timeout: 120_000 });
	await page.goto(`${baseUrl}/portfolio`);
	await rowsIn;
	await page.waitForTimeout(SETTLE_MS);
	const seen = await page.evaluate((settle) => {
		const w = window as unknown as { __rowsAt: number; __longTasks: LongTask[]; __scripts: LongTask[] };
		const opening = (tasks: LongTask[]) => tasks.filter((t) => t.start <= w.__rowsAt + settle);
		return { ms: Math.round(w.__rowsAt), tasks: opening(w.__longTasks), scripts: opening(w.__scripts) };
	}, SETTLE_MS);
	const script = longestOf(seen.scripts);
	return {
		ms: seen.ms,
		longestTaskMs: longestOf(seen.tasks).ms,
		longestScriptMs: script.ms,
		longestScriptWhat: script.what
	};
}

/** Time from the tap to the download, and the longest main-thread task in between (the UI is frozen that long). */
async function backupOnce(
	page: Page,
	baseUrl: string
): Promise<{ ms: number; longestTaskMs: number; longestScriptMs: number; longestScriptWhat: string }> {
	await page.goto(`${baseUrl}/settings`);
	await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
	// The first tap on any page unlocks audio (an AudioContext, ~150 ms at 4× CPU): paid here, before
	// the measured tap, so that the figure is the backup's. Then count only the tasks the backup makes.
	await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
	await page.waitForTimeout(1000);
	await page.evaluate(() => {
		const w = window as unknown as { __longTasks: LongTask[]; __scripts: LongTask[] };
		w.__longTasks = [];
		w.__scripts = [];
	});
	const started = Date.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 180_000 }),
		page.getByTestId('backup-save').click()
	]);
	const ms = Date.now() - started;
	// Long-task entries are delivered asynchronously: give the observer a moment to receive the last one.
	await page.waitForTimeout(300);
	const seen = await page.evaluate(() => {
		const w = window as unknown as { __longTasks: LongTask[]; __scripts: LongTask[] };
		return { tasks: w.__longTasks, scripts: w.__scripts };
	});
	await download.delete();
	const script = longestOf(seen.scripts);
	return { ms, longestTaskMs: longestOf(seen.tasks).ms, longestScriptMs: script.ms, longestScriptWhat: script.what };
}

export async function measurePortfolioScale(ctx: MeasureContext): Promise<Record<string, unknown>> {
	const browser = await launchChromium(ctx.chromePath);
	try {
		const context = await newBenchContext(browser, {
			viewport: { width: 360, height: 640 },
			isMobile: true,
			hasTouch: true,
			acceptDownloads: true
		});
		await context.addInitScript(WATCH);
		const page = await context.newPage();
		await page.goto(`${ctx.baseUrl}/`);
		await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
		// The app creates its database when something is first stored (the language, here).
		await page.getByTestId('language-fr').click();
		// Upgraded, not only listed: opened earlier, without a version, it would be made empty.
		await page.waitForFunction(async () =>
			(await indexedDB.databases()).some((db) => db.name === 'atouts' && (db.version ?? 0) > 1)
		);
		await throttleCpu(context, page);
		const competences = COMPETENCES.slice(0, 60);
		const scale: Record<string, unknown>[] = [];
		for (const level of SCALES) {
			await seed(page, level.answers, level.evidence, competences);
			const renders = [];
			for (let i = 0; i < SAMPLES; i++) renders.push(await renderOnce(page, ctx.baseUrl, competences.length));
			const backup = await backupOnce(page, ctx.baseUrl);
			scale.push({
				answers: level.answers,
				evidence: level.evidence,
				render_ms: median(renders.map((r) => r.ms)),
				longest_task_ms: Math.max(...renders.map((r) => r.longestTaskMs)),
				longest_script_ms: Math.max(...renders.map((r) => r.longestScriptMs)),
				// What ran the longest stretch of script, to know what to cut next.
				longest_script: renders.reduce((a, r) => (r.longestScriptMs > a.longestScriptMs ? r : a)).longestScriptWhat,
				backup_ms: backup.ms,
				backup_longest_task_ms: backup.longestTaskMs,
				backup_longest_script_ms: backup.longestScriptMs,
				backup_longest_script: backup.longestScriptWhat
			});
		}
		return { portfolio_render_ms: scale[0]!.render_ms, portfolio_scale: scale };
	} finally {
		await browser.close();
	}
}
