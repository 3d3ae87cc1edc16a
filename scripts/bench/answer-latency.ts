/**
 * answer_to_next_card_ms: how long a person waits between tapping an answer and seeing the next
 * card, under a 4× CPU slowdown. This includes the IndexedDB write of the answer (the app moves on
 * only once it is saved) and the render of the next card; the tenth answer of a round ends when
 * the app has navigated to /strengths instead.
 *
 * Measured inside the page, so that no CDP round trip is counted: performance.now() just before
 * the click is dispatched, then a MutationObserver watches for the card's data-card-id to change
 * (or the URL to become /strengths); the clock stops at the next frame after that change, when
 * the new card has been laid out and painted.
 *
 * Samples span several rounds: after each tenth answer the bench goes strengths → another-round.
 */
import type { Page } from '@playwright/test';
import type { MeasureContext } from '../bench';
import { launchChromium, newBenchContext, summarise, throttleCpu } from './browser';

const ANSWERS = Number(process.env.BENCH_ANSWERS) || 50;
const EXPERIENCES = ['club-sport', 'cooking-many', 'family-children'];
const CARD = '[data-testid="quiz-card"]';

async function waitForCard(page: Page): Promise<void> {
	// Ready for a tap: a card is on screen and its answers are enabled (not saving).
	await page.waitForFunction(
		(sel) => {
			const button = document.querySelector(`${sel} button[data-testid^="answer-"]`) as HTMLButtonElement | null;
			return !!button && !button.disabled;
		},
		CARD,
		{ timeout: 30_000 }
	);
}

/** Picks experiences, skips the follow-up questions and waits for the first card (not measured). */
async function startFirstRound(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/experiences`);
	await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
	for (const id of EXPERIENCES) await page.getByTestId(`experience-${id}`).click();
	await page.getByTestId('confirm-experiences').click();
	const card = page.getByTestId('quiz-card');
	const skip = page.getByTestId('followup-skip');
	for (let i = 0; i < 30 && !(await card.isVisible()); i++) {
		await card.or(skip).first().waitFor({ state: 'visible', timeout: 30_000 });
		// The last skip navigates to /quiz: the button may be gone between the check and the click.
		if (await skip.isVisible()) await skip.click({ timeout: 2000 }).catch(() => undefined);
	}
	await waitForCard(page);
}

interface Tap {
	ms: number;
	to: 'card' | 'strengths';
}

/** Taps an answer of the card on screen and resolves with the time until the next card is painted. */
function tapAndTime(page: Page): Promise<Tap> {
	return page.evaluate(
		({ sel, timeoutMs }) =>
			new Promise<Tap>((resolve, reject) => {
				const card = document.querySelector(sel);
				const id = card?.getAttribute('data-card-id');
				const button = (card?.querySelector('button[data-testid="answer-level-2"]') ??
					card?.querySelector('button[data-testid^="answer-"]')) as HTMLButtonElement | null;
				if (!card || !id || !button) return reject(new Error('no quiz card with an answer button on screen'));
				const arrived = (): Tap['to'] | null => {
					if (location.pathname.endsWith('/strengths')) return 'strengths';
					const now = document.querySelector(sel)?.getAttribute('data-card-id');
					return now && now !== id ? 'card' : null;
				};
				let done = false;
				const timer = setTimeout(() => finish(null), timeoutMs);
				const observer = new MutationObserver(() => check());
				// The URL change of a client-side navigation is not a DOM mutation: poll it each frame too.
				const poll = () => {
					if (done) return;
					check();
					requestAnimationFrame(poll);
				};
				function check() {
					const to = arrived();
					if (to && !done) {
						done = true;
						// The DOM is updated; stop the clock once it has been rendered, i.e. after the next frame.
						requestAnimationFrame(() => {
							const channel = new MessageChannel();
							channel.port1.onmessage = () => finish({ ms: performance.now() - t0, to });
							channel.port2.postMessage(null);
						});
					}
				}
				function finish(result: Tap | null) {
					done = true;
					clearTimeout(timer);
					observer.disconnect();
					if (result) resolve(result);
					else reject(new Error(`no next card within ${timeoutMs} ms of answering ${id}`));
				}
				observer.observe(document.body, {
					subtree: true,
					childList: true,
					attributes: true,
					attributeFilter: ['data-card-id']
				});
				const t0 = performance.now();
				button.click();
				check();
				requestAnimationFrame(poll);
			}),
		{ sel: CARD, timeoutMs: 20_000 }
	);
}

export async function measureAnswerLatency(ctx: MeasureContext): Promise<Record<string, unknown>> {
	const browser = await launchChromium(ctx.chromePath);
	try {
		const context = await newBenchContext(browser, {
			viewport: { width: 360, height: 640 },
			isMobile: true,
			hasTouch: true,
			deviceScaleFactor: 2
		});
		const page = await context.newPage();
		await startFirstRound(page, ctx.baseUrl);
		await throttleCpu(context, page);

		const samples: number[] = [];
		let rounds = 1;
		while (samples.length < ANSWERS) {
			// A person reads the card before tapping: let the previous answer's work settle first.
			await page.waitForTimeout(250);
			const tap = await tapAndTime(page);
			samples.push(tap.ms);
			if (tap.to === 'strengths' && samples.length < ANSWERS) {
				await page.getByTestId('another-round').click({ timeout: 30_000 });
				await page.waitForURL(/\/quiz$/, { timeout: 30_000 });
				rounds++;
			}
			if (samples.length < ANSWERS) await waitForCard(page);
		}
		const s = summarise(samples);
		return {
			answer_to_next_card_ms_median: s.median,
			answer_to_next_card_ms_p90: s.p90,
			answer_to_next_card_ms_n: s.n,
			answer_to_next_card_rounds: rounds
		};
	} finally {
		await browser.close();
	}
}
