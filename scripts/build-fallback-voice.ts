/**
 * Builds the offline fallback voice: eSpeak NG compiled to WebAssembly (npm package
 * @echogarden/espeak-ng-emscripten, GPL-3.0-or-later), cut down to what Atouts speaks.
 *
 * Why eSpeak NG: it is small (a formant synthesiser, no neural model), runs fully offline,
 * speaks French, English, Arabic and Ukrainian, and adding a language is one more dictionary.
 * The package ships every language (24 MB of data); this script keeps the shared phoneme
 * tables in one file and each language's rules in its own, so a phone downloads about 1 MB
 * once, and only when it has no voice of its own for the person's language.
 *
 * The Emscripten loader hard-codes its data package. We replace that one literal with
 * `Module.atoutsDataPackage`, which the worker fills in (see src/lib/audio/fallback-voice.worker.ts).
 * Output (content-hashed, cached at run time by the service worker, not precached):
 *   static/voice-fallback/manifest.json, espeak-ng.<hash>.js, common.<hash>.data, <lang>.<hash>.data
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json'));
const DATA_ROOT = '/usr/share/espeak-ng-data/';
const OUT = 'static/voice-fallback';

/** Atouts language → eSpeak NG voice and the data files it reads (found by tracing FS.open). */
export const FALLBACK_LANGUAGES: Record<string, { voice: string; files: string[] }> = {
	fr: { voice: 'fr', files: ['lang/roa/fr', 'fr_dict'] },
	en: { voice: 'en', files: ['lang/gmw/en', 'en_dict'] },
	ar: { voice: 'ar', files: ['lang/sem/ar', 'ar_dict'] },
	uk: { voice: 'uk', files: ['lang/zle/uk', 'uk_dict'] }
};
const COMMON_FILES = ['phontab', 'phonindex', 'phondata', 'intonations'];

interface PackagedFile {
	filename: string;
	start: number;
	end: number;
}

const PACKAGE_LITERAL = /loadPackage\(\{files:\[(.*?)\],remote_package_size:(\d+)\}\)/s;

function readPackageMetadata(glue: string): PackagedFile[] {
	const match = PACKAGE_LITERAL.exec(glue);
	if (!match)
		throw new Error('fallback voice: the Emscripten data package literal was not found; check the package version');
	const entries = [...match[1]!.matchAll(/\{filename:"([^"]+)",start:(\d+),end:(\d+)\}/g)];
	return entries.map(([, filename, start, end]) => ({ filename: filename!, start: Number(start), end: Number(end) }));
}

function hashOf(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** Concatenates some files of the original package into one data file with its own offsets. */
function slice(data: Uint8Array, index: Map<string, PackagedFile>, names: string[]) {
	const parts: Uint8Array[] = [];
	const files: PackagedFile[] = [];
	let offset = 0;
	for (const name of names) {
		const entry = index.get(DATA_ROOT + name);
		if (!entry) throw new Error(`fallback voice: ${name} is missing from the eSpeak NG package`);
		const bytes = data.subarray(entry.start, entry.end);
		files.push({ filename: entry.filename, start: offset, end: offset + bytes.length });
		parts.push(bytes);
		offset += bytes.length;
	}
	const out = new Uint8Array(offset);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return { bytes: out, files };
}

export function buildFallbackVoice(outDir = OUT): { totalBytes: number } {
	const glue = readFileSync(join(PACKAGE_DIR, 'espeak-ng.js'), 'utf8');
	const data = new Uint8Array(readFileSync(join(PACKAGE_DIR, 'espeak-ng.data')));
	const index = new Map(readPackageMetadata(glue).map((file) => [file.filename, file]));
	const patched = glue.replace(PACKAGE_LITERAL, 'loadPackage(Module.atoutsDataPackage)');

	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const write = (stem: string, ext: string, bytes: Uint8Array | string) => {
		const file = `${stem}.${hashOf(bytes)}.${ext}`;
		writeFileSync(join(outDir, file), bytes);
		return file;
	};

	const engine = write('espeak-ng', 'js', patched);
	const common = slice(data, index, COMMON_FILES);
	let totalBytes = Buffer.byteLength(patched) + common.bytes.length;
	const languages: Record<string, { voice: string; file: string; files: PackagedFile[] }> = {};
	for (const [lang, { voice, files }] of Object.entries(FALLBACK_LANGUAGES)) {
		const part = slice(data, index, files);
		languages[lang] = { voice, file: write(lang, 'data', part.bytes), files: part.files };
		totalBytes += part.bytes.length;
	}
	const manifest = {
		engine,
		license: 'eSpeak NG, GPL-3.0-or-later, https://github.com/espeak-ng/espeak-ng',
		common: { file: write('common', 'data', common.bytes), files: common.files },
		languages
	};
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest));
	return { totalBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { totalBytes } = buildFallbackVoice();
	console.log(`fallback voice: ${(totalBytes / 1024).toFixed(0)} KiB in ${OUT} (all languages)`);
}
