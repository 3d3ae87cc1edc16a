/** Writes the PDF's font files into static/fonts/pdf/ (see scripts/lib/pdf-fonts.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPdfFont, PDF_FONTS } from './lib/pdf-fonts';

const OUT = 'static/fonts/pdf';
mkdirSync(OUT, { recursive: true });
for (const spec of PDF_FONTS) {
	const { bytes, glyphs } = buildPdfFont(spec);
	writeFileSync(join(OUT, spec.out), bytes);
	console.log(`pdf font: ${spec.out}, ${glyphs} glyphs, ${(bytes.length / 1024).toFixed(1)} KiB`);
}
