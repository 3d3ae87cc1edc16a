/**
 * portfolio_render_ms: opening /portfolio with 60 recognised competences and 20 photos, on a
 * 360×640 phone under a 4× CPU slowdown: from navigation start to the moment every competence
 * row is in the page. Also the growth with scale (issue: 5,000 answers and 200 pieces of
 * evidence): render time, the longest main-thread task while rendering (PerformanceObserver
 * "longtask", the UI is frozen for that long), and the time to write a backup of it all.
 * Data is written straight into IndexedDB in the app's own record shapes before each sample.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { MeasureContext } from '../bench';
import { launchChromium, median, newBenchContext, throttleCpu } from './browser';

const COMPETENCES = (
	JSON.parse(readFileSync('src/lib/content/packs/socle/competences.json', 'utf8')) as { id: string }[]
).map((c) => c.id);
const SCALES = [
	{ answers: 300, evidence: 20 },
	{ answers: 1000, evidence: 50 },
	{ answers: 2500, evidence: 100 },
	{ answers: 5000, evidence: 200 }
];
const SAMPLES = Number(process.env.BENCH_RENDERS) || 3;

/** Records when N competence rows are present, and every long task, from the start of each document. */
const WATCH = `(() => {
	window.__longTasks = [];
	try {
		new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
			.observe({ type: 'longtask', buffered: true });
	} catch {}
	const want = Number(sessionStorage.getItem('bench.rows') || 0);
	const check = () => {
		if (window.__rowsAt || !want) return;
		if (document.querySelectorAll('[data-testid^="portfolio-"]:has(strong)').length >= want) window.__rowsAt = performance.now();
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

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
	await page.goto(`${baseUrl}/portfolio`);
	await page.waitForFunction(() => (window as { __rowsAt?: number }).__rowsAt, undefined, { timeout: 120_000 });
	return page.evaluate(() => {
		const w = window as unknown as { __rowsAt: number; __longTasks: number[] };
		return { ms: Math.round(w.__rowsAt), longestTaskMs: Math.round(Math.max(0, ...w.__longTasks)) };
	});
}

async function backupOnce(page: Page, baseUrl: string): Promise<number> {
	await page.goto(`${baseUrl}/settings`);
	await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
	const started = Date.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 180_000 }),
		page.getByTestId('backup-save').click()
	]);
	const ms = Date.now() - started;
	await download.delete();
	return ms;
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
		await throttleCpu(context, page);
		const competences = COMPETENCES.slice(0, 60);
		const scale: Record<string, unknown>[] = [];
		for (const level of SCALES) {
			await seed(page, level.answers, level.evidence, competences);
			const renders = [];
			for (let i = 0; i < SAMPLES; i++) renders.push(await renderOnce(page, ctx.baseUrl, competences.length));
			scale.push({
				answers: level.answers,
				evidence: level.evidence,
				render_ms: median(renders.map((r) => r.ms)),
				longest_task_ms: Math.max(...renders.map((r) => r.longestTaskMs)),
				backup_ms: await backupOnce(page, ctx.baseUrl)
			});
		}
		return { portfolio_render_ms: scale[0]!.render_ms, portfolio_scale: scale };
	} finally {
		await browser.close();
	}
}
