/**
 * Importing a structure's own pack (a JSON file). It goes through the same validation as
 * the shipped packs, and is refused whole (with its list of problems) if anything is wrong
 * or if any id would collide with content already on the device: never merged silently.
 */
import { parseJsonSafely, type SafeJsonError } from '../domain/safe-json';
import type { Pack } from '../domain/content-schema';
import { validatePack, type PackProblem } from './pack-validator';

import { MAX_PACK_CHARS } from './pack-limits';

export { MAX_PACK_CHARS };

export type ImportProblem = PackProblem | { code: SafeJsonError | 'id-collision'; path: string; detail: string };
export type PackImportResult = { ok: true; pack: Pack } | { ok: false; problems: ImportProblem[] };

export function checkPackImport(
	text: string,
	existingIds: ReadonlySet<string>,
	knownPictograms?: ReadonlySet<string>
): PackImportResult {
	const json = parseJsonSafely(text, { maxChars: MAX_PACK_CHARS, maxDepth: 16 });
	if (!json.ok) return { ok: false, problems: [{ code: json.error, path: '(file)', detail: json.error }] };
	const result = validatePack(json.value, { knownPictograms });
	if (!result.ok) return result;
	const pack = result.pack;
	const collisions: ImportProblem[] = [];
	const check = (kind: string, id: string) => {
		if (existingIds.has(`${kind}:${id}`))
			collisions.push({ code: 'id-collision', path: `${kind}:${id}`, detail: `"${id}" already exists on this device` });
	};
	check('pack', pack.meta.id);
	pack.domains.forEach((d) => check('domain', d.id));
	pack.competences.forEach((c) => check('competence', c.id));
	pack.experiences.forEach((e) => check('experience', e.id));
	pack.cards.forEach((c) => check('card', c.id));
	return collisions.length ? { ok: false, problems: collisions } : { ok: true, pack };
}
