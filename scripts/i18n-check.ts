/**
 * `npm run i18n:check` fails on:
 * - a key missing in a complete language (plural keys need every form the language's
 *   Intl.PluralRules uses: Arabic has six, Ukrainian four);
 * - a key no code uses;
 * - a user-visible string hard-coded in a component (text or aria-label/title/alt/placeholder);
 * - a French sentence over 12 words (FALC).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_LANGUAGES } from '../src/lib/i18n/languages';
import { longSentences, FALC_MAX_WORDS } from '../src/lib/domain/falc';

const LOCALES = 'src/lib/i18n/locales';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const problems: string[] = [];

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [k, v] of Object.entries(tree)) {
		const key = prefix ? `${prefix}.${k}` : k;
		if (typeof v === 'string') out.set(key, v);
		else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
	}
	return out;
}
const load = (lang: string) => flatten(JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Tree);

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

const fr = load('fr');
const baseKeys = new Set([...fr.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
const pluralBases = new Set(
	[...fr.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, ''))
);

// 1. Missing keys, per complete language, plural forms per language.
for (const language of SHIPPED_LANGUAGES) {
	let table: Map<string, string>;
	try {
		table = load(language.code);
	} catch {
		problems.push(`[${language.code}] no locale file ${LOCALES}/${language.code}.json`);
		continue;
	}
	const forms = new Intl.PluralRules(language.locale).resolvedOptions().pluralCategories;
	for (const base of baseKeys) {
		const needed = pluralBases.has(base) ? forms.map((f) => `${base}_${f}`) : [base];
		for (const key of needed)
			if (!table.has(key) && language.complete) problems.push(`[${language.code}] missing key "${key}"`);
	}
	for (const key of table.keys())
		if (!baseKeys.has(key.replace(PLURAL_SUFFIX, '')))
			problems.push(`[${language.code}] key "${key}" does not exist in fr.json`);
}

// 2. Unused keys: a key is used when code names it in a string, or a template names its prefix.
const sources = walk('src')
	.filter((f) => /\.(svelte|ts)$/.test(f) && !f.includes('/locales/'))
	.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
const code = sources.map((s) => s.text).join('\n');
const literals = new Set([...code.matchAll(/['"`]([a-zA-Z0-9_.-]+)['"`]/g)].map((m) => m[1]));
const prefixes = [...code.matchAll(/`([a-zA-Z0-9_.-]+)\$\{/g)].map((m) => m[1]!);
for (const base of baseKeys)
	if (!literals.has(base) && !prefixes.some((p) => base.startsWith(p))) problems.push(`[fr] unused key "${base}"`);

// 3. Hard-coded user-visible text in components.
const VISIBLE_ATTRS = /\s(aria-label|title|alt|placeholder)="([^"{]*[\p{L}][^"{]*)"/gu;
for (const { file, text } of sources.filter((s) => s.file.endsWith('.svelte'))) {
	const markup = text
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	for (const m of markup.matchAll(VISIBLE_ATTRS)) problems.push(`${file}: hard-coded ${m[1]}="${m[2]}"`);
	let depth = 0;
	let stripped = '';
	for (const ch of markup) {
		if (ch === '{') depth++;
		else if (ch === '}') depth = Math.max(0, depth - 1);
		else if (depth === 0) stripped += ch;
	}
	const textNodes = stripped.replace(/<[^>]*>/g, '\n').split('\n');
	for (const node of textNodes) {
		const t = node.trim();
		if (/\p{L}{2,}/u.test(t)) problems.push(`${file}: hard-coded text "${t.slice(0, 60)}"`);
	}
}

// 4. Right-to-left: physical left/right in styles would not mirror in Arabic.
const PHYSICAL =
	/(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)/m;
for (const file of walk('src').filter((f) => /\.(svelte|css)$/.test(f))) {
	const styles = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
	const match = styles.match(PHYSICAL);
	if (match)
		problems.push(`${file}: physical direction "${match[0].trim()}", use a logical property (inline-start/end)`);
}

// 5. FALC: French sentences stay short.
for (const [key, value] of fr)
	for (const long of longSentences(value))
		problems.push(`[fr] "${key}": ${long.words} words, max ${FALC_MAX_WORDS}: "${long.sentence}"`);

if (problems.length) {
	for (const p of problems) console.error(`✗ ${p}`);
	console.error(`\n${problems.length} i18n problem(s).`);
	process.exit(1);
}
console.log(`✓ i18n: ${baseKeys.size} keys, ${SHIPPED_LANGUAGES.length} languages, no hard-coded text`);
