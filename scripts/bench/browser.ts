/**
 * Shared pieces of the bench's Playwright measurers: launching the distribution's Chromium,
 * CPU throttling through CDP, and summary statistics.
 */
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type CDPSession,
	type Page
} from '@playwright/test';
import { CHROME_FLAGS } from '../find-chrome';

/** The same slowdown as Lighthouse's mobile preset, so all bench timings describe one kind of phone. */
export const CPU_SLOWDOWN = 4;

/**
 * Chromium flags that make `lang` the browser's language, which the app follows (navigator.languages).
 * Headless Chromium ignores --lang for navigator.languages and Accept-Language (both stay en-US);
 * --accept-lang is what sets them. --lang is kept for the browser's own UI locale.
 */
export function langFlags(lang: string): string[] {
	return [`--lang=${lang}`, `--accept-lang=${lang}`];
}

/** The bench's own timings use the app's default language, French. */
export const TIMING_LANG = 'fr';

export function launchChromium(chromePath: string, lang = TIMING_LANG): Promise<Browser> {
	return chromium.launch({ executablePath: chromePath, args: [...CHROME_FLAGS, ...langFlags(lang)] });
}

/**
 * A fresh browser context (empty storage) ready for page.evaluate of functions written here.
 * tsx compiles with esbuild's keepNames, which wraps inner named functions in `__name(…)`: a helper
 * that exists in Node, not in the page. The init script gives every document of the context one.
 */
export async function newBenchContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await context.addInitScript('globalThis.__name ??= (fn) => fn;');
	return context;
}

/** Slows the page's CPU down `rate` times (1 = off). Applies to later navigations of the same page too. */
export async function throttleCpu(context: BrowserContext, page: Page, rate = CPU_SLOWDOWN): Promise<CDPSession> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	return cdp;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number | null {
	const xs = [...values].sort((a, b) => a - b);
	if (!xs.length) return null;
	const mid = Math.floor(xs.length / 2);
	return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

export function summarise(values: number[]): { median: number | null; p90: number | null; n: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
	return {
		median: round(median(sorted)),
		p90: round(sorted.length ? percentile(sorted, 90) : null),
		n: sorted.length
	};
}
