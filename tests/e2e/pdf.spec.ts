/**
 * The portfolio as a PDF, made on the device after the consent step: recognise competences,
 * agree to share, make the PDF offline, and read it back (pages and competence titles).
 */
import { test, expect } from '@playwright/test';
import { answerCurrentCard, expectNoAxeViolations, portfolioTitles, startRound, waitForServiceWorker } from './helpers';

async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
	const texts: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	const pages = doc.numPages;
	await doc.destroy();
	return { pages, text: texts.join(' ').replace(/\s+/g, ' ') };
}

test(
	'make the portfolio PDF after consent, offline, with every shared title',
	{ tag: '@tablet-only' },
	async ({ page, context }) => {
		await startRound(page, ['club-sport', 'cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.getByTestId('go-portfolio').click();
		const titles = await portfolioTitles(page);
		expect(titles.length).toBeGreaterThan(0);

		// No PDF before consent.
		await page.getByTestId('share-start').click();
		await expect(page.getByTestId('share-consent')).toBeVisible();
		await expect(page.getByTestId('share-pdf')).toHaveCount(0);
		await page.getByTestId('share-first-name').fill('Samira');
		await page.getByTestId('share-agree').click();
		await expect(page.getByTestId('share-pdf')).toBeVisible();
		await expectNoAxeViolations(page, 'share panel with the PDF action');

		// The PDF code, fonts and pictograms come from the precache: it works offline.
		await waitForServiceWorker(page);
		await context.setOffline(true);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-pdf').click()]);
		expect(download.suggestedFilename()).toBe('atouts-portfolio.pdf');
		const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
		await expect(page.getByTestId('pdf-status')).toHaveAttribute('data-state', 'ready');
		await context.setOffline(false);

		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const pdf = await readPdf(new Uint8Array(bytes));
		expect(pdf.pages).toBe(1);
		expect(pdf.text).toContain('Samira');
		for (const title of titles) expect(pdf.text).toContain(title);
	}
);
