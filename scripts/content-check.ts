/**
 * `npm run content:check`: validates every pack under src/lib/content/packs and names
 * the file, the place inside it and the problem in plain words. Exit 1 on any problem.
 */
import { relative } from 'node:path';
import { packDirs, readPackDir, resolvePictogram } from './lib/pack-dir';
import { validatePack, pictogramRefs } from '../src/lib/content/pack-validator';
import { SHIPPED_LANGUAGES } from '../src/lib/i18n/languages';
import { checkCodes, registry } from '../src/lib/share/competence-codes';

let failures = 0;
for (const dir of packDirs()) {
	let raw: unknown;
	try {
		raw = readPackDir(dir);
	} catch (error) {
		console.error(`✗ ${(error as Error).message}`);
		failures++;
		continue;
	}
	const refs = pictogramRefs(raw as Parameters<typeof pictogramRefs>[0]);
	const known = new Set(refs.map((r) => r.ref).filter((ref) => typeof ref === 'string' && resolvePictogram(ref)));
	// A pack must be complete in the shipped languages it carries; extra languages (uk) may be partial.
	const present = Object.keys((raw as { strings?: object }).strings ?? {});
	const complete = SHIPPED_LANGUAGES.filter((l) => l.complete && present.includes(l.code)).map((l) => l.code);
	const result = validatePack(raw, { knownPictograms: known, languages: complete });
	const partial = present.filter((l) => !complete.includes(l));
	// Share links carry competences as small stable codes: every shipped competence needs one.
	if (result.ok && dir.endsWith('socle')) {
		const codeProblems = checkCodes(
			registry,
			result.pack.competences.map((c) => c.id)
		);
		for (const p of codeProblems) console.error(`✗ ${relative('.', dir)} › codes.json: ${JSON.stringify(p)}`);
		failures += codeProblems.length;
		if (codeProblems.length) continue;
	}
	if (result.ok) {
		console.log(
			`✓ ${relative('.', dir)}: valid (${complete.join(', ')} complete${partial.length ? `; partial: ${partial.join(', ')}` : ''})`
		);
		continue;
	}
	failures += result.problems.length;
	for (const p of result.problems) console.error(`✗ ${relative('.', dir)} › ${p.path}: ${p.code}: ${p.detail}`);
}
if (failures) {
	console.error(`\n${failures} problem(s) found.`);
	process.exit(1);
}
