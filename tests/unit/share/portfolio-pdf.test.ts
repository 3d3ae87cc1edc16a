import { describe, expect, it } from 'vitest';
import { portfolioPdf, PdfInputError } from '../../../src/lib/share/portfolio-pdf';
import { arabicText, competences, diskAssets, frenchText, pdfInput, readPdf } from './pdf-fixtures';

const titleOf = (id: string) => frenchText(`competence.${id}.title`);
const make = (input: ReturnType<typeof pdfInput>) => portfolioPdf(input, diskAssets);

describe('portfolio PDF', () => {
	it('puts a whole 71-competence portfolio on one A4 page, every title readable', async () => {
		expect(competences).toHaveLength(71);
		const { bytes, pages } = await make(pdfInput({ firstName: 'Samira' }));
		const read = await readPdf(bytes);
		expect(pages).toBe(1);
		expect(read.pages).toBe(1);
		expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
		for (const c of competences) expect(read.text).toContain(titleOf(c.id));
		expect(read.text).toContain('Samira');
		expect(read.text).toContain('28 novembre 2026');
		for (const word of ["Avec de l'aide", 'Sans aide', "Je peux l'expliquer"]) expect(read.text).toContain(word);
	}, 30_000);

	it('writes Arabic titles shaped, right to left, and readable back in logical order', async () => {
		const { bytes, pages } = await make(pdfInput({ lang: 'ar', firstName: 'سميرة' }));
		expect(pages).toBeLessThanOrEqual(2);
		const read = await readPdf(bytes);
		expect(read.pages).toBe(pages);
		expect(read.text).toContain('سميرة');
		// pdf.js reads a mark on a word's last letter (عدّ) with spaces around it: its word-space
		// heuristic meets a zero-width glyph drawn after a space. The glyphs and their text are
		// right (the other marks read back in place); only that reading is undone here.
		const text = read.text.replace(/ ([\u064b-\u065f]) /g, '$1 ');
		let found = 0;
		for (const c of competences) {
			expect(read.text).toContain(titleOf(c.id)); // French for employers stays
			const arabic = arabicText(`competence.${c.id}.title`)!;
			if (text.includes(arabic)) found++;
		}
		// every title, marks (shadda) and lam-alef ligatures included
		expect(found).toBe(71);
		expect(read.text).toContain('تقبّل الملاحظات'); // a shadda inside a word, in place
		expect(read.text).toContain('تهدئة الخلافات'); // lam-alef ligature, words in order
		// shaping drew contextual forms: the PDF's Arabic font has glyphs, not just text
		expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/Subtype \/Type0 \/BaseFont \/ATOUT.\+NotoSansArabic/);
	}, 30_000);

	it('leaves out the competences the person hides, as the link does', async () => {
		const hidden = new Set(['calm-conflict', 'count-money', 'drive-vehicle']);
		for (const id of hidden) expect(competences.some((c) => c.id === id)).toBe(true);
		const { bytes } = await make(pdfInput({ hidden }));
		const read = await readPdf(bytes);
		for (const id of hidden) expect(read.text).not.toContain(titleOf(id));
		const shown = competences.filter((c) => !hidden.has(c.id));
		for (const c of shown) expect(read.text).toContain(titleOf(c.id));
	}, 30_000);

	it('shows coach endorsements when there are some, and nothing when there are none', async () => {
		const input = pdfInput({ count: 10 });
		const before = await readPdf((await make(input)).bytes);
		expect(before.text).not.toContain('Validé par');
		input.domains[0]!.competences[0]!.endorsements = [
			{ by: 'Claire Martin', role: 'coach E2C', at: Date.UTC(2026, 9, 3), note: 'Très à l’écoute.' }
		];
		const after = await readPdf((await make(input)).bytes);
		expect(after.text).toContain('Validé par Claire Martin (coach E2C), le 3 octobre 2026');
		expect(after.text).toContain('Très à l’écoute.');
	}, 30_000);

	it('lists the next steps agreed with the coach after the competences, and no section without any', async () => {
		const input = pdfInput({ count: 10 });
		expect((await readPdf((await make(input)).bytes)).text).not.toContain('Prochaines étapes');
		input.nextSteps = [
			{
				kind: 'job',
				pictogram: 'fluent-emoji-flat:necktie',
				text: 'Offre de commis',
				date: '2026-12-01',
				coach: 'Claire Martin'
			},
			{ kind: 'training', pictogram: 'fluent-emoji-flat:graduation-cap', text: 'Formation HACCP', date: '2027-01-15' }
		];
		const { text } = await readPdf((await make(input)).bytes);
		expect(text).toContain('Prochaines étapes avec le coach');
		expect(text).toContain("Piste d'emploi · Offre de commis");
		expect(text).toContain('1 décembre 2026, prévu avec Claire Martin');
		expect(text).toContain('15 janvier 2027, prévu avec le coach');
		expect(text.indexOf('Prochaines étapes')).toBeGreaterThan(
			text.indexOf(input.domains.at(-1)!.competences.at(-1)!.frenchTitle)
		);
	}, 30_000);

	it('draws a first name as text, whatever it contains, and never runs it', async () => {
		const { bytes } = await make(pdfInput({ count: 3, firstName: '<script>alert(1)</script>\u0000\u202e' }));
		const read = await readPdf(bytes);
		expect(read.text).toContain('<script>alert(1)</script>');
		expect(new TextDecoder('latin1').decode(bytes)).not.toMatch(/\/JavaScript|\/JS\b|\/OpenAction|\/AA\b/);
	}, 30_000);

	it('refuses input the app should never produce, with a typed error', async () => {
		await expect(make({ ...pdfInput(), domains: [] })).rejects.toBeInstanceOf(PdfInputError);
		const bad = pdfInput({ count: 2 });
		(bad.domains[0]!.competences[0] as { level: number }).level = 4;
		await expect(make(bad)).rejects.toBeInstanceOf(PdfInputError);
		const nan = { ...pdfInput({ count: 2 }), issuedAt: Number.NaN };
		await expect(make(nan)).rejects.toBeInstanceOf(PdfInputError);
	});

	it('goes on without a pictogram or a font it cannot load', async () => {
		const { bytes, pages } = await portfolioPdf(pdfInput({ lang: 'ar', count: 5 }), {
			pictogram: async () => null,
			font: async () => null
		});
		const read = await readPdf(bytes);
		expect(pages).toBe(1);
		expect(read.text).toContain(titleOf(competences[0]!.id));
	}, 30_000);
});
