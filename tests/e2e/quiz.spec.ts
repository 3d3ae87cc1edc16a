import { test, expect, type Page } from '@playwright/test';
import { answerCurrentCard, expectNoAxeViolations, readStore, startRound, waitForApp } from './helpers';

async function boxesOf(page: Page, selector: string) {
	return page.locator(selector).evaluateAll((els) =>
		els.map((el) => {
			const r = el.getBoundingClientRect();
			return {
				x: r.x,
				y: r.y,
				w: r.width,
				h: r.height,
				bottom: r.bottom,
				right: r.right,
				id: el.getAttribute('data-testid')
			};
		})
	);
}

test('a full round: experiences, ten cards, strengths, answers in IndexedDB', async ({ page }) => {
	await startRound(page, ['club-sport', 'cooking-many', 'family-children']);
	const seen: string[] = [];
	for (let i = 0; i < 10; i++) {
		await expect(page.getByRole('img', { name: new RegExp(`${i + 1}\\D+10`) })).toBeVisible();
		const id = await answerCurrentCard(page, 'level-2');
		expect(id).toBeTruthy();
		expect(seen, 'a card never comes twice in a round').not.toContain(id);
		seen.push(id!);
		if (i < 9) await expect(page.getByTestId('quiz-card')).not.toHaveAttribute('data-card-id', id!);
	}
	await expect(page).toHaveURL(/\/strengths$/);
	await expect(page.getByTestId('strengths-list').locator('li').first()).toBeVisible();
	const answers = await readStore(page, 'answers');
	expect(answers.map((a) => a.cardId).sort()).toEqual([...seen].sort());
	const rounds = await readStore(page, 'rounds');
	expect(rounds).toHaveLength(1);
	expect(rounds[0]!.finishedAt).toEqual(expect.any(Number));
	await expectNoAxeViolations(page, 'strengths');

	await page.getByTestId('go-portfolio').click();
	await expect(page.getByTestId('portfolio-count')).toBeVisible();

	// The skills map: one bar per domain with recognised competences, and the same as a table.
	const domains = await page.locator('section.group').count();
	await expect(page.getByTestId('skills-map').locator('.bars li')).toHaveCount(domains);
	await expectNoAxeViolations(page, 'portfolio with skills map');
	await page.getByTestId('skills-map-table-toggle').click();
	await expect(page.getByTestId('skills-map-table').locator('tbody tr')).toHaveCount(domains);
	await expectNoAxeViolations(page, 'skills map as a table');
});

test('reloading mid-round lands on the same card with earlier answers kept', async ({ page }) => {
	await startRound(page, ['club-sport']);
	await answerCurrentCard(page);
	await answerCurrentCard(page);
	await answerCurrentCard(page);
	const current = await page.getByTestId('quiz-card').getAttribute('data-card-id');
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(3);
	await page.reload();
	await waitForApp(page);
	await expect(page.getByTestId('quiz-card')).toHaveAttribute('data-card-id', current!);
	expect(await readStore(page, 'answers')).toHaveLength(3);
	await expect(page.getByRole('img', { name: /4\D+10/ })).toBeVisible();
});

test('the last answer can be undone', async ({ page }) => {
	await startRound(page, ['gardening']);
	const first = await answerCurrentCard(page);
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(1);
	await page.getByTestId('undo').click();
	await expect(page.getByTestId('quiz-card')).toHaveAttribute('data-card-id', first!);
	await expect.poll(async () => (await readStore(page, 'answers')).length).toBe(0);
});

test('quiz screens: big targets, no text input, everything visible without scrolling, axe clean', async ({ page }) => {
	await startRound(page, ['club-sport', 'cooking-many']);
	for (let i = 0; i < 4; i++) {
		const viewport = page.viewportSize()!;
		expect(await page.locator('input[type=text], input:not([type]), textarea').count()).toBe(0);
		const answers = await boxesOf(page, '[data-testid=quiz-card] button[data-testid^="answer-"]');
		expect(answers.length).toBeGreaterThanOrEqual(2);
		for (const a of answers) {
			expect(a.h, `${a.id} height`).toBeGreaterThanOrEqual(96);
			expect(a.w, `${a.id} width`).toBeGreaterThanOrEqual(48);
			expect(a.bottom, `${a.id} visible without scrolling`).toBeLessThanOrEqual(viewport.height);
			expect(a.right).toBeLessThanOrEqual(viewport.width);
		}
		// At least 8 px between answer buttons.
		for (const a of answers)
			for (const b of answers) {
				if (a === b) continue;
				const gapX = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
				const gapY = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
				expect(Math.max(gapX, gapY), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(8);
			}
		const controls = await boxesOf(page, 'main button, main a, header button, header a');
		for (const c of controls) {
			expect(c.h, `${c.id ?? 'control'} height`).toBeGreaterThanOrEqual(48);
			expect(c.w, `${c.id ?? 'control'} width`).toBeGreaterThanOrEqual(48);
		}
		const prompt = await boxesOf(page, '#card-prompt');
		expect(prompt[0]!.bottom).toBeLessThanOrEqual(viewport.height);
		await expectNoAxeViolations(page, `quiz card ${i + 1}`);
		await answerCurrentCard(page);
	}
});

test('experiences and follow-up screens are axe clean', async ({ page }) => {
	await page.goto('/experiences');
	await waitForApp(page);
	await page.getByTestId('experience-club-sport').click();
	await expect(page.getByTestId('experience-club-sport')).toHaveAttribute('aria-pressed', 'true');
	await expectNoAxeViolations(page, 'experiences');
	await page.getByTestId('confirm-experiences').click();
	await expect(page.getByTestId('followup-skip')).toBeVisible();
	await expectNoAxeViolations(page, 'follow-up question');
});
