/**
 * Copies the self-hosted font files Atouts uses into static/fonts (OFL-licensed, from
 * @fontsource). Only these subsets ship; app.css declares each with its unicode-range,
 * so a browser downloads a subset only when the page shows text in that script.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FILES = [
	'@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
	'@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2',
	'@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2',
	'@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2',
	'@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2',
	'@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2',
	'@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2',
	'@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2'
];
const OUT = 'static/fonts';
mkdirSync(OUT, { recursive: true });
for (const file of FILES) {
	const source = require.resolve(file.replace(/\/files\/.*/, '/package.json'));
	copyFileSync(join(dirname(source), 'files', basename(file)), join(OUT, basename(file)));
}
console.log(`fonts: ${FILES.length} files copied to ${OUT}`);
