/**
 * A new deployment while the app is open with data stored: the new worker waits, the
 * banner offers the update, and after it the page runs the new version with every stored
 * record still there.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/lib/free-port';
import { readStore, startRound, answerCurrentCard, waitForApp, waitForServiceWorker } from './helpers';

interface Deployment {
	base: string;
	/** Deploys "v2": any byte change to the worker makes the browser install it. */
	deployNewVersion(): void;
	stop(): void;
}

/** Serves a copy of build/ that the test can "redeploy", in a directory and on a port of its own. */
async function serveCopy(): Promise<Deployment> {
	mkdirSync('.tmp', { recursive: true });
	const site = mkdtempSync('.tmp/update-site-');
	cpSync('build', site, { recursive: true });
	const port = await freePort();
	// Its own process group, so stopping it also stops the node process npx starts.
	const server: ChildProcess = spawn('npx', ['tsx', 'scripts/serve.ts', '--dir', site, '--port', String(port)], {
		stdio: 'ignore',
		detached: true
	});
	const deployment: Deployment = {
		base: `http://127.0.0.1:${port}`,
		deployNewVersion: () => appendFileSync(`${site}/service-worker.js`, '\n// v2\n'),
		stop: () => {
			try {
				process.kill(-server.pid!, 'SIGTERM');
			} catch {
				// already gone
			}
			rmSync(site, { recursive: true, force: true });
		}
	};
	// Wait until the server answers (a loaded machine can take several seconds to start it).
	for (let i = 0; i < 150; i++) {
		const up = await fetch(`${deployment.base}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return deployment;
		await new Promise((r) => setTimeout(r, 200));
	}
	deployment.stop();
	throw new Error(`the second server did not start on port ${port}`);
}

/** The new version is found, waits, and the banner offers it; the tap reloads into it. */
async function offerAndApplyUpdate(page: Page, deployment: Deployment) {
	deployment.deployNewVersion();
	const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	await expect(page.getByTestId('update-banner')).toBeVisible();
	const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
	expect(waiting).toBe(true);
	// A marker on the old page: after the reload it is gone, so the page runs the new code.
	await page.evaluate(() => ((window as { oldPage?: boolean }).oldPage = true));

	await Promise.all([page.waitForEvent('load'), page.getByTestId('update-banner').getByRole('button').last().click()]);
	await waitForApp(page);
	expect(await page.evaluate(() => (window as { oldPage?: boolean }).oldPage)).toBeUndefined();
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	// The page is controlled by the worker that was waiting (same URL, a new worker).
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeFalsy();
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(oldWorker);
}

/** Opens a served copy of the app at its home screen, a worker in control; stops the copy after `steps`. */
async function onServedCopy(page: Page, steps: (deployment: Deployment) => Promise<void>) {
	const deployment = await serveCopy();
	try {
		await page.goto(`${deployment.base}/`);
		await waitForApp(page);
		await waitForServiceWorker(page);
		await steps(deployment);
	} finally {
		deployment.stop();
	}
}

// One device is enough for the update flow.
test('a new version waits, is applied on tap, and keeps every stored answer', { tag: '@phone-only' }, ({ page }) =>
	onServedCopy(page, async (deployment) => {
		await startRound(page, ['club-sport'], deployment.base);
		await answerCurrentCard(page);
		await answerCurrentCard(page);
		await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(2);
		const before = await readStore(page, 'answers');

		await offerAndApplyUpdate(page, deployment);
		expect(await readStore(page, 'answers')).toEqual(before);
		await expect(page.getByTestId('quiz-card')).toBeVisible();
	})
);

test(
	'a page opened on the first visit, before any worker, also moves to the new version on tap',
	{
		tag: '@phone-only'
	},
	({ page }) =>
		// This page was loaded with no worker in control: the first one took control while it was
		// open. Workbox reports the later update as "not an update" for such a page; the tap must
		// still reload it, or the old code keeps running with the banner up.
		onServedCopy(page, async (deployment) => {
			await page.getByTestId('language-fr').click();
			await expect.poll(async () => (await readStore(page, 'settings')).length).toBe(1);

			await offerAndApplyUpdate(page, deployment);
			await expect(page.getByTestId('tile-quiz')).toBeVisible();
			expect((await readStore(page, 'settings'))[0]).toMatchObject({ value: { language: 'fr' } });
		})
);
