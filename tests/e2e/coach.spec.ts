/**
 * Coach mode: a coach validates and signs a competence with the person, and that review goes
 * with the person's portfolio (the portfolio screen, the PDF, the shared link, another
 * device). On the coach's own device, links join a caseload that shows progress between two
 * reviews, and the evaluation export holds counts only.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { answerCurrentCard, expectNoAxeViolations, readStore, startRound, waitForApp } from './helpers';

// French, the language of the coaches' texts these tests read (the app follows the browser's).
test.use({ locale: 'fr-FR' });

const PIN = '2468';
const DAY = 86_400_000;

async function readPdf(bytes: Uint8Array): Promise<string> {
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
	const texts: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	await doc.destroy();
	return texts.join(' ').replace(/\s+/g, ' ');
}
const downloaded = async (page: Page, click: () => Promise<void>) => {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return {
		name: download.suggestedFilename(),
		bytes: Buffer.concat(await (await download.createReadStream()).toArray())
	};
};

/** Opens coach mode from the settings screen and sets the coach PIN the first time. */
async function setUpCoach(page: Page) {
	await page.goto('/settings');
	await waitForApp(page);
	await page.getByTestId('open-coach').click();
	await expect(page).toHaveURL(/\/coach$/);
	await page.getByTestId('coach-pin').fill(PIN);
	await page.getByTestId('coach-pin-again').fill(PIN);
	await page.getByTestId('coach-pin-submit').click();
	await expect(page.getByTestId('coach-open')).toBeVisible();
}

test(
	'a coach validates and signs a competence: on the portfolio, in the PDF, in the link and on another device',
	{ tag: '@tablet-only' },
	async ({ page, browser }) => {
		test.slow(); // a whole round, coach mode, PDF, badges and a second device, with axe scans
		await startRound(page, ['club-sport', 'cooking-many']);
		for (let i = 0; i < 10; i++) await answerCurrentCard(page, 'level-2');
		await expect(page).toHaveURL(/\/strengths$/);
		await page.getByTestId('go-portfolio').click();
		const first = page.locator('[data-testid^="open-portfolio-"]').first();
		const id = (await first.getAttribute('data-testid'))!.replace('open-portfolio-', '');
		const title = (await page.getByTestId(`portfolio-${id}`).locator('strong').textContent())!.trim();
		await expect(page.getByTestId(`coach-mark-${id}`)).toHaveCount(0);

		// Coach mode, behind the coach PIN set the first time.
		await setUpCoach(page);
		await page.getByTestId('coach-name').fill('Claire Martin');
		await page.getByTestId('coach-name').blur();
		await page.getByTestId('coach-structure').selectOption('E2C Normandie');
		const row = page.getByTestId(`coach-review-${id}`);
		await row.getByTestId('coach-validated').check();
		await row.getByTestId('coach-comment').fill('Vu en situation au club.');
		await row.getByTestId('coach-endorse').check();
		await row.getByTestId('coach-save').click();
		await expect(row.getByTestId('coach-saved')).toBeVisible();
		await page.getByTestId('coach-step-kind').selectOption('job');
		await page.getByTestId('coach-step-text').fill('Offre de commis de cuisine');
		await page.getByTestId('coach-step-date').fill('2026-12-01');
		await page.getByTestId('coach-step-add').click();
		await expect(page.getByTestId('coach-step')).toContainText('Offre de commis de cuisine');
		await expectNoAxeViolations(page, 'coach review');
		expect(await readStore(page, 'coachNotes')).toEqual([
			expect.objectContaining({
				competence: id,
				validated: true,
				comment: 'Vu en situation au club.',
				endorsement: { coach: 'Claire Martin', structure: 'E2C Normandie' }
			})
		]);
		expect(await readStore(page, 'nextSteps')).toEqual([expect.objectContaining({ kind: 'job', date: '2026-12-01' })]);
		await page.getByTestId('coach-leave').click();
		await expect(page.getByTestId('coach-gate')).toBeVisible();

		// The participant's portfolio shows the coach's mark.
		await page.goto('/portfolio');
		await waitForApp(page);
		const mark = page.getByTestId(`coach-mark-${id}`);
		await expect(mark).toBeVisible();
		await expect(mark).toContainText('Claire Martin');
		await expect(mark).toContainText('E2C Normandie');
		await expectNoAxeViolations(page, 'portfolio with a coach mark');

		// The next step is on the participant's own portfolio, labelled as planned with the coach.
		const steps = page.getByTestId('next-steps-item');
		await expect(steps).toHaveCount(1);
		await expect(steps).toContainText('Offre de commis de cuisine');
		await expect(steps).toContainText('Claire Martin');

		// Sharing says the coach's validation leaves too; the PDF carries it.
		await page.getByTestId('share-start').click();
		await expect(page.getByTestId('share-consent')).toContainText('conseiller');
		await page.getByTestId('share-first-name').fill('Samira');
		await page.getByTestId('share-agree').click();
		const link = (await page.getByTestId('share-link').getAttribute('href'))!;
		expect(link.length).toBeLessThanOrEqual(600);
		const pdf = await downloaded(page, () => page.getByTestId('share-pdf').click());
		const text = await readPdf(new Uint8Array(pdf.bytes));
		expect(text).toContain('Validé par Claire Martin (E2C Normandie)');
		expect(text).toContain('Vu en situation au club.');
		expect(text).toContain("Piste d'emploi · Offre de commis de cuisine");
		expect(text).toContain('1 décembre 2026, prévu avec Claire Martin');
		const badges = await downloaded(page, () => page.getByTestId('share-badges').click());
		const json = JSON.parse(badges.bytes.toString('utf8'));
		const credentials = json.verifiableCredential ?? [json];
		const endorsed = credentials.filter((c: { endorsement?: unknown[] }) => c.endorsement?.length);
		expect(endorsed).toHaveLength(1);
		expect(endorsed[0].credentialSubject.achievement.name).toBe(title);
		expect(endorsed[0].endorsement[0]).toMatchObject({
			type: ['VerifiableCredential', 'EndorsementCredential'],
			issuer: { name: 'Claire Martin', parentOrg: { name: 'E2C Normandie' } }
		});

		// Another device: the link shows the endorsement, and saving it keeps it.
		const phone = await browser.newContext({
			locale: 'fr-FR',
			viewport: { width: 360, height: 640 },
			isMobile: true,
			hasTouch: true
		});
		const other = await phone.newPage();
		await other.goto(link);
		await waitForApp(other);
		const shared = other.getByTestId(`shared-mark-${id}`);
		await expect(shared).toBeVisible();
		await expect(shared).toContainText('Claire Martin · E2C Normandie');
		await expect(other.locator('[data-testid^="shared-mark-"]')).toHaveCount(1);
		await expect(other.getByTestId('caseload-save')).toHaveCount(0); // no coach mode on this phone
		await expect(other.getByTestId('shared-steps-item')).toContainText('Offre de commis de cuisine');
		await other.getByTestId('share-save').click();
		await expect(other.getByTestId('share-saved')).toBeVisible();
		expect(await readStore(other, 'coachNotes')).toEqual([
			expect.objectContaining({
				profileId: 'default',
				competence: id,
				validated: true,
				endorsement: { coach: 'Claire Martin', structure: 'E2C Normandie' }
			})
		]);
		// The comment stays with the coach's device: the link never carries it.
		expect(JSON.stringify(await readStore(other, 'coachNotes'))).not.toContain('Vu en situation');
		await other.goto(`${new URL(link).origin}/portfolio`);
		await waitForApp(other);
		await expect(other.getByTestId(`coach-mark-${id}`)).toContainText('Claire Martin');
		expect(await readStore(other, 'nextSteps')).toEqual([
			expect.objectContaining({
				kind: 'job',
				text: 'Offre de commis de cuisine',
				date: '2026-12-01',
				coach: 'Claire Martin'
			})
		]);
		await expect(other.getByTestId('next-steps-item')).toContainText('Offre de commis de cuisine');
		await phone.close();
	}
);

/**
 * A participant's link for one review, built here byte by byte in the version 1 layout that
 * src/lib/share/link-codec.ts documents (Playwright cannot load the app's JSON code registry):
 * version | rest length | raw | flags=name | issued day | name | count | (code, level, 0 days)… | CRC-32.
 */
function linkOf(levels: Record<string, 1 | 2 | 3>, issuedAt: number) {
	const codes = JSON.parse(readFileSync('src/lib/content/packs/socle/codes.json', 'utf8')).codes as Record<
		string,
		number
	>;
	const varint = (v: number): number[] => (v < 0x80 ? [v] : [(v % 0x80) | 0x80, ...varint(Math.floor(v / 0x80))]);
	const name = [...Buffer.from('Samia')];
	const body = [1, ...varint(Math.floor((issuedAt - Date.UTC(2020, 0, 1)) / DAY)), name.length, ...name];
	body.push(...varint(Object.keys(levels).length));
	for (const [id, level] of Object.entries(levels)) body.push(...varint(codes[id]!), level, 0);
	const head = [1, ...varint(1 + body.length + 4), 0, ...body];
	const crc = crc32(Uint8Array.from(head));
	const bytes = Buffer.from([...head, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
	return `/share#p=${bytes.toString('base64url')}`;
}

/** The columns README.md documents under "Evaluation export" (tests/unit/domain checks the code has the same). */
const DOCUMENTED = [
	...readFileSync('README.md', 'utf8')
		.split('## Evaluation export')[1]!
		.split('\n## ')[0]!
		.matchAll(/^\| `([a-z0-9_]+)`/gm)
].map((m) => m[1]);

test('caseload: a link saved twice shows progress; the CSV has the documented columns and no names', async ({
	page,
	context
}) => {
	const t0 = Date.UTC(2026, 8, 1);
	const first = linkOf({ 'listen-understand': 1, 'first-aid': 2, 'count-money': 3 }, t0);
	const second = linkOf({ 'listen-understand': 2, 'first-aid': 2, 'count-money': 1, 'work-in-team': 1 }, t0 + 30 * DAY);

	// Without coach mode, a link offers no caseload.
	await page.goto(first);
	await waitForApp(page);
	await expect(page.getByTestId('share-owner')).toContainText('Samia');
	await expect(page.getByTestId('caseload-save')).toHaveCount(0);

	await setUpCoach(page);

	// Another tab of the coach's device: coach mode is closed there, so the PIN is asked.
	const tab = await context.newPage();
	await tab.goto(first);
	await waitForApp(tab);
	const save = tab.getByTestId('caseload-save');
	await expect(save.getByTestId('caseload-consent')).toContainText('accord');
	await expect(save.getByTestId('caseload-label-input')).toHaveValue('Samia');
	await save.getByTestId('caseload-pin').fill('0000');
	await save.getByTestId('caseload-add').click();
	await expect(save.getByTestId('caseload-outcome')).toHaveAttribute('data-outcome', 'wrong');
	expect(await readStore(tab, 'caseload')).toEqual([]);
	await save.getByTestId('caseload-pin').fill(PIN);
	await save.getByTestId('caseload-add').click();
	await expect(save.getByTestId('caseload-outcome')).toHaveAttribute('data-outcome', 'new');
	await expectNoAxeViolations(tab, 'shared portfolio with the caseload offer');

	// The same person's next review: same label, one more snapshot (coach mode is open now).
	await tab.goto(second);
	await tab.reload();
	await waitForApp(tab);
	await expect(tab.getByTestId('caseload-pin')).toHaveCount(0);
	await tab.getByTestId('caseload-add').click();
	await expect(tab.getByTestId('caseload-outcome')).toHaveAttribute('data-outcome', 'again');
	const stored = await readStore(tab, 'caseload');
	expect(stored).toHaveLength(1);
	expect((stored[0] as { snapshots: unknown[] }).snapshots).toHaveLength(2);

	// Progress between the two reviews, in /coach.
	await tab.goto('/coach');
	await waitForApp(tab);
	const entry = tab.getByTestId('caseload-entry');
	await expect(entry).toHaveCount(1);
	await expect(entry.getByTestId('caseload-label')).toHaveText('Samia');
	const progress = entry.getByTestId('caseload-progress');
	for (const change of ['up', 'down', 'new', 'same'])
		await expect(progress.locator(`[data-change="${change}"]`)).toContainText('1');
	await expect(entry.locator('[data-testid="caseload-change"][data-change="up"]')).toHaveCount(1);
	await expect(entry.locator('[data-testid="caseload-change"][data-change="down"]')).toContainText('3 → 1');
	await expect(entry.locator('[data-testid="caseload-change"][data-change="new"]')).toHaveCount(1);

	// The evaluation export: documented columns, counts only.
	const csv = await downloaded(tab, () => tab.getByTestId('evaluation-caseload').click());
	expect(csv.name).toMatch(/^atouts-evaluation-caseload-\d{4}-\d{2}-\d{2}\.csv$/);
	const [header, values, ...rest] = csv.bytes.toString('utf8').trimEnd().split('\r\n');
	expect(rest).toEqual([]);
	const columns = header!.split(',');
	expect(DOCUMENTED.length).toBeGreaterThan(20);
	expect(columns).toEqual(DOCUMENTED);
	const row = Object.fromEntries(columns.map((c, i) => [c, values!.split(',')[i]]));
	expect(row).toMatchObject({
		source: 'caseload',
		people: '1',
		rounds: '2',
		people_reviewed_twice: '1',
		competences: '4',
		level_up: '1',
		level_same: '1',
		level_down: '1',
		level_new: '1',
		clea_1: '1',
		clea_7: '1'
	});
	expect(csv.bytes.toString('utf8')).not.toMatch(/Samia|listen|first-aid/);
	expect(csv.bytes.toString('utf8')).toMatch(/^[a-z0-9_,\r\n-]+$/);

	// This device has no one's answers: the tablet export says there is nothing to count.
	await tab.getByTestId('evaluation-tablet').click();
	await expect(tab.getByTestId('evaluation-status')).not.toBeEmpty();
	await tab.close();
});
