/**
 * `npm run budgets`: measures the built app (build/ must exist) against bench/budgets.json.
 *
 * Figures:
 * - first_route_js_gz_bytes: gzip-9 bytes of every JS file `/` loads before it is interactive.
 * - route_js_gz_bytes: the same for every prerendered page (max, and per route).
 * - precache_bytes: what the service worker keeps on the device (audio, voice packs and the
 *   fallback voice excluded, see inject-precache.ts), uncompressed: the "at most 1.5 MB",
 *   read as 1,500,000 bytes.
 * - precache_gz_bytes: the same files as they travel on install (each gzip-9, as nginx and static
 *   hosts serve them): the cost to a phone on patchy data. precache_files is reported beside them.
 *
 * "JS a page loads" is read from its HTML, as the browser would: <script src>, <link rel=modulepreload>,
 * and the import("…") calls of SvelteKit's inline bootstrap script; then the static `import … from "…"`
 * of those files, transitively (SvelteKit preloads them all, but following imports keeps the figure
 * honest if that ever changes). Dynamic import() inside chunks is lazy and not counted.
 * Each file is gzipped separately because that is how it travels over the wire.
 *
 * Exit 1 when any byte budget (a numeric top-level key of budgets.json) is exceeded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { precacheEntries } from './inject-precache';
import { eagerLazyParts } from './lib/lazy-parts';

export const BUILD_DIR = 'build';
export const BUDGETS_FILE = 'bench/budgets.json';

export interface BudgetRow {
	figure: string;
	value: number;
	budget: number;
	ok: boolean;
}

export interface Measurement {
	first_route_js_gz_bytes: number;
	/** Files counted for `/`, relative to build/, for debugging a regression. */
	first_route_js_files: string[];
	/** Max over all prerendered routes. */
	route_js_gz_bytes: number;
	route_js_gz_bytes_by_route: Record<string, number>;
	precache_bytes: number;
	precache_gz_bytes: number;
	precache_files: number;
	budgets: Record<string, unknown>;
	rows: BudgetRow[];
	/** Budget keys with no matching figure: a typo in budgets.json should be visible, not silently ignored. */
	unknown_budgets: string[];
	/** Heavy parts (PDF, badges, fallback voice, QR, studio) found in a page's eager JS: must be none. */
	lazy_violations: string[];
	/** Scripts a page loads up front but does not preload (found one round trip late). */
	late_scripts: string[];
	ok: boolean;
}

/** Every file under dir whose name ends with ext, e.g. ".html". */
function walkFiles(dir: string, ext: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return walkFiles(path, ext);
		return name.endsWith(ext) ? [path] : [];
	});
}

/** Resolves a URL found in a page or a chunk to a file under build/, or null when it is external. */
function toBuildFile(buildDir: string, fromFile: string, url: string): string | null {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null; // http:, data:, blob: …
	const clean = url.split(/[?#]/)[0]!;
	return clean.startsWith('/') ? join(buildDir, clean) : resolve(dirname(fromFile), clean);
}

/** JS URLs referenced by a page's HTML. */
function entryUrls(html: string): string[] {
	const urls: string[] = [];
	for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
		const attr = (name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
		const pick = (m: RegExpMatchArray | null) => (m ? (m[2] ?? m[3] ?? m[4] ?? '') : null);
		if (/^<script/i.test(tag)) {
			const src = pick(attr('src'));
			if (src) urls.push(src);
		} else if (/^modulepreload$/i.test(pick(attr('rel')) ?? '')) {
			const href = pick(attr('href'));
			if (href) urls.push(href);
		}
	}
	// The inline bootstrap: Promise.all([import("./_app/immutable/entry/start.X.js"), import("…app.X.js")]).
	for (const script of html.match(/<script\b(?![^>]*\ssrc\s*=)[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
		for (const m of script.matchAll(/\bimport\(\s*(["'])([^"']+)\1\s*\)/g)) urls.push(m[2]!);
	}
	return urls;
}

/** Static imports of an ES module (minified or not): `import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`. */
function staticImports(source: string): string[] {
	const out: string[] = [];
	for (const m of source.matchAll(/\b(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?(["'])([^"'\n]+?\.m?js)\1/g))
		out.push(m[2]!);
	return out;
}

const gzCache = new Map<string, number>();
function gzBytes(file: string): number {
	let size = gzCache.get(file);
	if (size === undefined) {
		size = gzipSync(readFileSync(file), { level: 9 }).length;
		gzCache.set(file, size);
	}
	return size;
}

/**
 * All JS files a page loads up front, as absolute paths, and their total gzip size; `late` are
 * those the page itself does not ask for (no modulepreload): found only once their importer has
 * arrived, one round trip later (see scripts/complete-preloads.ts).
 */
export function pageJs(buildDir: string, htmlFile: string): { files: string[]; gz_bytes: number; late: string[] } {
	const seen = new Set<string>();
	const queue = entryUrls(readFileSync(htmlFile, 'utf8'))
		.map((url) => toBuildFile(buildDir, htmlFile, url))
		.filter((f): f is string => f !== null);
	const asked = new Set(queue);
	while (queue.length) {
		const file = queue.shift()!;
		if (seen.has(file)) continue;
		if (!existsSync(file))
			throw new Error(`${relative('.', htmlFile)} references ${relative('.', file)}, which is not in the build.`);
		seen.add(file);
		for (const url of staticImports(readFileSync(file, 'utf8'))) {
			const dep = toBuildFile(buildDir, file, url);
			if (dep) queue.push(dep);
		}
	}
	const files = [...seen].sort();
	const late = files.filter((f) => !asked.has(f));
	return { files, gz_bytes: files.reduce((sum, f) => sum + gzBytes(f), 0), late };
}

/** build/index.html → "/", build/settings.html and build/settings/index.html → "/settings". */
function routeOf(buildDir: string, htmlFile: string): string {
	const rel = relative(buildDir, htmlFile).split(sep).join('/');
	return '/' + rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
}

export function measureBudgets(buildDir = BUILD_DIR, budgetsFile = BUDGETS_FILE): Measurement {
	const index = join(buildDir, 'index.html');
	if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first.`);
	const dir = resolve(buildDir);

	const first = pageJs(dir, resolve(index));
	const byRoute: Record<string, number> = {};
	// 200.html is the SPA fallback shell, not a route anyone lands on with its own JS.
	const eagerFiles: Record<string, string[]> = {};
	const lateScripts: string[] = [];
	for (const html of walkFiles(dir, '.html').filter((f) => relative(dir, f) !== '200.html')) {
		const page = pageJs(dir, html);
		byRoute[routeOf(dir, html)] = page.gz_bytes;
		eagerFiles[routeOf(dir, html)] = page.files;
		for (const file of page.late) lateScripts.push(`${routeOf(dir, html)} finds ${relative(dir, file)} late`);
	}
	const lazyViolations = eagerLazyParts(eagerFiles, walkFiles(join(dir, '_app'), '.js'));
	const sortedRoutes = Object.fromEntries(Object.entries(byRoute).sort(([a], [b]) => a.localeCompare(b)));
	const precache = precacheEntries(buildDir);

	const figures: Record<string, number> = {
		first_route_js_gz_bytes: first.gz_bytes,
		route_js_gz_bytes: Math.max(0, ...Object.values(byRoute)),
		precache_bytes: precache.reduce((sum, e) => sum + e.bytes, 0),
		precache_gz_bytes: precache.reduce(
			(sum, e) => sum + gzipSync(readFileSync(join(dir, e.url)), { level: 9 }).length,
			0
		),
		precache_files: precache.length
	};
	const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8')) as Record<string, unknown>;
	const rows: BudgetRow[] = [];
	const unknown: string[] = [];
	for (const [figure, budget] of Object.entries(budgets)) {
		if (typeof budget !== 'number') continue; // e.g. lighthouse_min: reported by the bench, not enforced here
		const value = figures[figure];
		if (value === undefined) unknown.push(figure);
		else rows.push({ figure, value, budget, ok: value <= budget });
	}
	return {
		first_route_js_gz_bytes: figures.first_route_js_gz_bytes!,
		first_route_js_files: first.files.map((f) => relative(dir, f).split(sep).join('/')),
		route_js_gz_bytes: figures.route_js_gz_bytes!,
		route_js_gz_bytes_by_route: sortedRoutes,
		precache_bytes: figures.precache_bytes!,
		precache_gz_bytes: figures.precache_gz_bytes!,
		precache_files: figures.precache_files!,
		budgets,
		rows,
		unknown_budgets: unknown,
		lazy_violations: lazyViolations,
		late_scripts: lateScripts,
		ok: rows.every((r) => r.ok) && lazyViolations.length === 0 && lateScripts.length === 0
	};
}

export function kib(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function printBudgetTable(m: Measurement): void {
	const lines: string[][] = [['figure', 'value', 'budget', '']];
	for (const r of m.rows)
		lines.push([r.figure, `${r.value} (${kib(r.value)})`, `${r.budget} (${kib(r.budget)})`, r.ok ? 'ok' : 'OVER']);
	const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
	for (const l of lines)
		console.log(
			l
				.map((cell, i) => cell.padEnd(widths[i]!))
				.join('  ')
				.trimEnd()
		);
	for (const [route, bytes] of Object.entries(m.route_js_gz_bytes_by_route))
		console.log(`  route ${route}: ${kib(bytes)} gz`);
	console.log(`  precache: ${m.precache_files} files, ${kib(m.precache_bytes)} uncompressed`);
	console.log(
		m.lazy_violations.length
			? m.lazy_violations.map((v) => `  LAZY PART LOADED EAGERLY: ${v}`).join('\n')
			: '  lazy parts (PDF, Open Badges, fallback voice, QR encoder, studio, zod): none loaded eagerly'
	);
	console.log(
		m.late_scripts.length
			? m.late_scripts.map((v) => `  SCRIPT NOT PRELOADED: ${v}`).join('\n')
			: '  every script a page imports up front is in its modulepreload list'
	);
	for (const key of m.unknown_budgets)
		console.warn(`  warning: budgets.json has "${key}" but no such figure is measured`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const m = measureBudgets();
		printBudgetTable(m);
		if (!m.ok) {
			console.error(
				`budgets: over budget: ${[...m.rows.filter((r) => !r.ok).map((r) => r.figure), ...m.lazy_violations, ...m.late_scripts].join(', ')}`
			);
			process.exit(1);
		}
		console.log('budgets: all within budget');
	} catch (error) {
		console.error(`budgets: ${(error as Error).message}`);
		process.exit(1);
	}
}
