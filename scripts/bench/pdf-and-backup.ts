/**
 * `pdf_ms` and `backup_restore_ms` for a portfolio of 60 competences and 20 photos (issue 6).
 * Both run the app's own code in Node, without CPU throttling: the PDF with the pictograms and
 * fonts the build ships (made in memory as the build makes them); the backup against an
 * in-memory IndexedDB (fake-indexeddb), so the figure is the app's work (zip, zod, one
 * transaction), not a browser's disk. Reported, never a budget. Medians of a few runs, the
 * first (cold: fonts parsed, code compiled) reported apart.
 */
import 'fake-indexeddb/auto';
import { portfolioPdf } from '../../src/lib/share/portfolio-pdf';
import { applyRestore, createBackup, readBackup } from '../../src/lib/share/backup';
import { openAtoutsDB } from '../../src/lib/storage/db';
import type { AnswerRecord } from '../../src/lib/domain/records';
import { diskAssets, pdfInput } from '../../tests/unit/share/pdf-fixtures';
import { answer, evidence, noise, sampleProfile, seed } from '../../tests/fixtures/hostile/backups/backup-fixtures';

const RUNS = 5;
const COMPETENCES = 60;
const PHOTOS = 20;
const PHOTO_BYTES = 180 * 1024; // a photo as the app stores it: downscaled JPEG

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => Promise<unknown>): Promise<{ cold: number; median: number }> {
	const samples: number[] = [];
	for (let i = 0; i < RUNS + 1; i++) {
		const start = performance.now();
		await run();
		samples.push(performance.now() - start);
	}
	return { cold: Math.round(samples[0]!), median: Math.round(median(samples.slice(1))) };
}

export async function measurePdfAndBackup(): Promise<Record<string, unknown>> {
	let pages = 0;
	let bytes = 0;
	const pdf = await time(async () => {
		const made = await portfolioPdf(pdfInput({ count: COMPETENCES, firstName: 'Oleksandra' }), diskAssets);
		[pages, bytes] = [made.pages, made.bytes.length];
	});

	const profileId = 'bench';
	const data = sampleProfile(profileId, { evidence: false });
	const answers: AnswerRecord[] = Array.from({ length: COMPETENCES }, (_, i) => ({
		...answer(`import:c${i}:1700000000000`, profileId),
		value: { kind: 'imported', competence: `competence-${i}`, level: ((i % 3) + 1) as 1 | 2 | 3 }
	}));
	const photos = Array.from({ length: PHOTOS }, (_, i) => {
		const jpeg = noise(PHOTO_BYTES, i + 7);
		jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
		return { ...evidence(`photo-${i}`, profileId, 'image/jpeg', jpeg), competence: `competence-${i}` };
	});
	const source = await openAtoutsDB({ name: 'bench-backup-source' });
	await seed(source, { ...data, answers, evidence: photos });
	let zipBytes = 0;
	let run = 0;
	const backup = await time(async () => {
		const file = await createBackup(source, profileId);
		zipBytes = file.size;
		const read = await readBackup(file);
		if (!read.ok) throw new Error(`bench backup unreadable: ${read.error}`);
		const target = await openAtoutsDB({ name: `bench-backup-target-${run++}` });
		await applyRestore(target, profileId, read.backup);
		target.close();
	});
	source.close();
	return {
		pdf_ms: pdf.median,
		pdf_ms_cold: pdf.cold,
		pdf_pages: pages,
		pdf_kib: Math.round(bytes / 1024),
		backup_restore_ms: backup.median,
		backup_restore_ms_cold: backup.cold,
		backup_kib: Math.round(zipBytes / 1024),
		pdf_backup_portfolio: `${COMPETENCES} competences, ${PHOTOS} photos of ${PHOTO_BYTES / 1024} KiB (Node, no throttling)`
	};
}

// `npx tsx scripts/bench/pdf-and-backup.ts` prints the figures alone.
if (process.argv[1]?.endsWith('pdf-and-backup.ts')) console.log(await measurePdfAndBackup());
