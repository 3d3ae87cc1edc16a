/**
 * A new deployment while the app is open with data stored: the new worker waits, the
 * banner offers the update, and after it every stored record is still there.
 */
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { readStore, startRound, answerCurrentCard, waitForApp, waitForServiceWorker } from './helpers';

const PORT = 4180;
const SITE = '.tmp/update-site';

/** Serves a copy of build/ that the test can "redeploy"; returns a stop function. */
async function serveCopy(): Promise<() => void> {
	rmSync(SITE, { recursive: true, force: true });
	cpSync('build', SITE, { recursive: true });
	// Its own process group, so stopping it also stops the node process npx starts.
	const server: ChildProcess = spawn('npx', ['tsx', 'scripts/serve.ts', '--dir', SITE, '--port', String(PORT)], {
		stdio: 'ignore',
		detached: true
	});
	const stop = () => {
		try {
			process.kill(-server.pid!, 'SIGTERM');
		} catch {
			// already gone
		}
		rmSync(SITE, { recursive: true, force: true });
	};
	// Wait until the server answers (a loaded machine can take several seconds to start it).
	for (let i = 0; i < 150; i++) {
		const up = await fetch(`http://127.0.0.1:${PORT}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return stop;
		await new Promise((r) => setTimeout(r, 200));
	}
	stop();
	throw new Error(`the second server did not start on port ${PORT}`);
}

test(
	'a new version waits, is applied on tap, and keeps every stored answer',
	{ tag: '@phone-only' },
	async ({ page }) => {
		// one device is enough for the update flow
		const stop = await serveCopy();
		try {
			await updateFlow(page);
		} finally {
			stop();
		}
	}
);

async function updateFlow(page: import('@playwright/test').Page) {
	const base = `http://127.0.0.1:${PORT}`;
	await page.goto(`${base}/`);
	await waitForApp(page);
	await waitForServiceWorker(page);
	await startRound(page, ['club-sport'], base);
	await answerCurrentCard(page);
	await answerCurrentCard(page);
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(2);
	const before = await readStore(page, 'answers');

	// Deploy "v2": any byte change to the worker makes the browser install it.
	appendFileSync(`${SITE}/service-worker.js`, '\n// v2\n');
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	await expect(page.getByTestId('update-banner')).toBeVisible();
	const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
	expect(waiting).toBe(true);

	await Promise.all([page.waitForEvent('load'), page.getByTestId('update-banner').getByRole('button').last().click()]);
	await waitForApp(page);
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	expect(await readStore(page, 'answers')).toEqual(before);
	await expect(page.getByTestId('quiz-card')).toBeVisible();
}
