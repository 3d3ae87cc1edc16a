import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The prerendered pages of a build: every .html file outside _app/. */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === '_app' ? [] : htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}
