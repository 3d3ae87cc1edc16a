/**
 * The heavy parts that must load only when someone uses them (issue: "split out and load only
 * when used"). Each is recognised in the built JS by a text only its code contains; `npm run
 * budgets` fails when one of them is in the JS a page loads before it is interactive.
 */
import { readFileSync } from 'node:fs';

export interface LazyPart {
	name: string;
	/** A literal that survives minification and appears in no other module. */
	marker: string;
	/** Routes whose whole purpose is this part (the voice studio's own page). */
	ownRoutes?: string[];
}

export const LAZY_PARTS: readonly LazyPart[] = [
	{ name: 'PDF generator', marker: '%PDF-' }, // src/lib/share/pdf/pdf-writer.ts
	{ name: 'Open Badges export', marker: 'OpenBadgeCredential' }, // src/lib/share/open-badges.ts
	{ name: 'offline fallback voice', marker: 'fallback-voice.worker' }, // the worker's URL
	{ name: 'QR code encoder', marker: 'Version number out of range' }, // uqr
	{ name: 'voice studio and voice packs', marker: 'atouts-voice-pack', ownRoutes: ['/studio'] },
	// zod and the record schemas built with it: storage reads load them, in a task after a screen's
	// first render (its hydration is a long task already). The studio checks voice packs as it opens.
	{ name: 'schema validator (zod)', marker: '$ZodError', ownRoutes: ['/studio'] }
];

/**
 * "<part> loaded eagerly by <route>" for each part found in a route's eager JS files, and a
 * problem for a marker found in no JS file at all (stale: the check would prove nothing).
 */
export function eagerLazyParts(eagerFilesByRoute: Record<string, string[]>, allJsFiles: string[]): string[] {
	const problems: string[] = [];
	const text = new Map<string, string>();
	const read = (file: string) => text.get(file) ?? text.set(file, readFileSync(file, 'utf8')).get(file)!;
	for (const part of LAZY_PARTS)
		if (!allJsFiles.some((f) => read(f).includes(part.marker)))
			problems.push(`${part.name}: its marker "${part.marker}" is in no built file (update scripts/lib/lazy-parts.ts)`);
	for (const [route, files] of Object.entries(eagerFilesByRoute))
		for (const part of LAZY_PARTS)
			if (!part.ownRoutes?.includes(route) && files.some((f) => read(f).includes(part.marker)))
				problems.push(`${part.name} loaded eagerly by ${route}`);
	return problems;
}
