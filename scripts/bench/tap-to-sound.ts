/**
 * tap_to_sound_ms_median: from the tap on a speaker to the moment sound starts, under a 4× CPU
 * slowdown on a 360×640 phone, for the two sources that need no device voice:
 * - `fallback`: the offline voice (eSpeak NG in a worker) already downloaded: synthesis + start;
 *   the very first tap (download and compile of the engine) is reported apart as `first`;
 * - `clip`: recorded clips from the voice pack (IndexedDB read + <audio> start).
 * Sound is observed by the same probe as the browser tests (tests/e2e/sound-probe.ts): the
 * moment the AudioBufferSourceNode starts or the media element's play() resolves.
 * audio_fallback_bytes: what the fallback adds, per language, raw and gzip (never precached).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { MeasureContext } from '../bench';
import { BUILD_DIR } from '../budgets';
import { installSoundProbe, soundsOf } from '../../tests/e2e/sound-probe';
import { launchChromium, median, newBenchContext, throttleCpu } from './browser';

const TAPS = Number(process.env.BENCH_SOUNDS) || 7;
/** The home tiles' speakers, by the end of their accessible name ("Écouter : Mon portfolio"…). */
const SPEAKERS = [/vécu$/, /Mes compétences$/, /Mon portfolio$/];

async function tapAndTime(page: Page, label: RegExp): Promise<number> {
	const before = (await soundsOf(page)).length;
	await page.locator('.speak-slot').getByRole('button', { name: label }).click();
	await page.waitForFunction((n) => (window as unknown as { __sounds: unknown[] }).__sounds.length > n, before, {
		timeout: 30_000
	});
	return (await soundsOf(page))[before]!.tapToStartMs;
}

/** Stores a one-second tone as the clip of every text the home screen's speakers say. */
async function installClips(page: Page) {
	await page.evaluate(async () => {
		const rate = 22050;
		const samples = new Int16Array(rate);
		for (let i = 0; i < rate; i++) samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000);
		const header = new DataView(new ArrayBuffer(44));
		const text = (at: number, s: string) => [...s].forEach((c, i) => header.setUint8(at + i, c.charCodeAt(0)));
		text(0, 'RIFF');
		header.setUint32(4, 36 + samples.byteLength, true);
		text(8, 'WAVEfmt ');
		header.setUint32(16, 16, true);
		header.setUint16(20, 1, true);
		header.setUint16(22, 1, true);
		header.setUint32(24, rate, true);
		header.setUint32(28, rate * 2, true);
		header.setUint16(32, 2, true);
		header.setUint16(34, 16, true);
		text(36, 'data');
		header.setUint32(40, samples.byteLength, true);
		const blob = new Blob([header.buffer, samples.buffer], { type: 'audio/wav' });
		const keys = ['experiences', 'experiencesHint', 'quiz', 'quizHint', 'portfolio', 'portfolioHint'];
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('atouts');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tx = db.transaction('clips', 'readwrite');
		for (const key of keys)
			tx.objectStore('clips').put({
				lang: 'fr',
				key: `ui.home.${key}`,
				mime: 'audio/wav',
				blob,
				bytes: blob.size,
				recordedAt: new Date().toISOString()
			});
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	});
}

export function measureFallbackBytes(buildDir = BUILD_DIR) {
	const folder = join(buildDir, 'voice-fallback');
	const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
		engine: string;
		common: { file: string };
		languages: Record<string, { file: string }>;
	};
	const size = (file: string) => {
		const bytes = readFileSync(join(folder, file));
		return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
	};
	const shared = [size(manifest.engine), size(manifest.common.file)];
	const perLanguage: Record<string, { raw: number; gzip: number }> = {};
	for (const [lang, { file }] of Object.entries(manifest.languages)) {
		const all = [...shared, size(file)];
		perLanguage[lang] = { raw: all.reduce((s, x) => s + x.raw, 0), gzip: all.reduce((s, x) => s + x.gzip, 0) };
	}
	return perLanguage;
}

export async function measureTapToSound(ctx: MeasureContext): Promise<Record<string, unknown>> {
	const browser = await launchChromium(ctx.chromePath);
	try {
		const context = await newBenchContext(browser, {
			viewport: { width: 360, height: 640 },
			isMobile: true,
			hasTouch: true,
			deviceScaleFactor: 2
		});
		await context.addInitScript(installSoundProbe);
		const page = await context.newPage();
		await page.goto(`${ctx.baseUrl}/`);
		await page.locator('html[data-ready="true"]').waitFor();
		await throttleCpu(context, page);
		await page.getByTestId('language-fr').click(); // says "Français": downloads the fallback
		await page.waitForFunction(() => (window as unknown as { __sounds: unknown[] }).__sounds.length > 0, undefined, {
			timeout: 60_000
		});
		const first = (await soundsOf(page))[0]!.tapToStartMs;
		const fallback: number[] = [];
		for (let i = 0; i < TAPS; i++) fallback.push(await tapAndTime(page, SPEAKERS[i % SPEAKERS.length]!));
		await installClips(page);
		const clips: number[] = [];
		for (let i = 0; i < TAPS; i++) clips.push(await tapAndTime(page, SPEAKERS[i % SPEAKERS.length]!));
		const kinds = (await soundsOf(page)).slice(1 + TAPS).map((s) => s.kind);
		if (kinds.some((kind) => kind !== 'media')) throw new Error(`clips did not play: ${kinds.join(',')}`);
		const round = (n: number | null) => Math.round(n ?? Number.NaN);
		return {
			tap_to_sound_ms_median: { fallback: round(median(fallback)), clip: round(median(clips)), first: round(first) },
			tap_to_sound_samples_ms: { fallback: fallback.map(round), clip: clips.map(round) },
			audio_fallback_bytes: measureFallbackBytes()
		};
	} finally {
		await browser.close();
	}
}
