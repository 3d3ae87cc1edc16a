/**
 * Nothing leaves the device: across the main flows every request stays on the app's own
 * origin, and the Content Security Policy is never violated. Its figures go to
 * reports/resilience-privacy.json for `npm run test:resilience` and `npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { answerCurrentCard, startRound, waitForApp } from './helpers';

test('main flows: only same-origin requests, no CSP violation', { tag: '@phone-only' }, async ({ page, baseURL }) => {
	// one device is enough
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	page.context().on('request', (request) => requests.push(request.url()));
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	const violations: string[] = [];
	const collect = async () =>
		violations.push(
			...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))
		);
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});

	await page.goto('/');
	await waitForApp(page);
	await collect();
	await startRound(page, ['club-sport', 'helping-neighbours']);
	for (let i = 0; i < 10; i++) await answerCurrentCard(page);
	await expect(page).toHaveURL(/\/strengths$/);
	await collect();
	await page.getByTestId('go-portfolio').click();
	await expect(page.getByTestId('portfolio-count')).toBeVisible();
	await page.getByTestId('share-start').click();
	await page.getByTestId('share-agree').click();
	const link = await page.getByTestId('share-link').getAttribute('href');
	await page.goto(link!);
	await waitForApp(page);
	await expect(page.locator('[data-testid^="shared-"]').first()).toBeVisible();
	await collect();
	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('language-ar').click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await collect();

	const foreign = requests.filter(
		(url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')
	);
	// The figures for `npm run test:resilience` and `npm run bench`, written before judging them.
	mkdirSync('reports', { recursive: true });
	writeFileSync(
		'reports/resilience-privacy.json',
		JSON.stringify(
			{
				generated_at: new Date().toISOString(),
				requests: requests.length,
				third_party: foreign.length,
				csp_violations: violations.length,
				third_party_urls: foreign.slice(0, 20),
				violation_messages: violations.slice(0, 20)
			},
			null,
			2
		) + '\n'
	);
	expect(requests.length).toBeGreaterThan(20);
	expect(foreign, 'third-party requests').toEqual([]);
	expect(violations, 'CSP violations').toEqual([]);
});
