import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceVersion } from '../../../scripts/lib/source-version.js';

let root: string;
const sources = ['src', 'package-lock.json'];

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'source-version-'));
	mkdirSync(join(root, 'src/lib'), { recursive: true });
	writeFileSync(join(root, 'src/app.ts'), 'export const a = 1;\n');
	writeFileSync(join(root, 'src/lib/b.ts'), 'export const b = 2;\n');
	writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("SvelteKit's version name from the sources", () => {
	it('is the same for the same sources, built twice or copied elsewhere', () => {
		const name = sourceVersion(root, sources);
		expect(name).toMatch(/^[0-9a-f]{12}$/);
		expect(sourceVersion(root, sources)).toBe(name);
		const copy = mkdtempSync(join(tmpdir(), 'source-version-copy-'));
		try {
			mkdirSync(join(copy, 'src/lib'), { recursive: true });
			writeFileSync(join(copy, 'src/lib/b.ts'), 'export const b = 2;\n'); // written in another order
			writeFileSync(join(copy, 'src/app.ts'), 'export const a = 1;\n');
			writeFileSync(join(copy, 'package-lock.json'), '{"lockfileVersion":3}\n');
			expect(sourceVersion(copy, sources)).toBe(name);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	});

	it('changes with any byte of a source, a new file, a renamed file or another pinned package', () => {
		const names = new Set([sourceVersion(root, sources)]);
		writeFileSync(join(root, 'src/app.ts'), 'export const a = 2;\n');
		names.add(sourceVersion(root, sources));
		writeFileSync(join(root, 'src/lib/c.ts'), '');
		names.add(sourceVersion(root, sources));
		renameSync(join(root, 'src/lib/c.ts'), join(root, 'src/lib/d.ts'));
		names.add(sourceVersion(root, sources));
		writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n');
		names.add(sourceVersion(root, sources));
		expect(names.size).toBe(5);
	});

	it('does not take the same bytes laid out in other files for the same sources', () => {
		const before = sourceVersion(root, sources);
		rmSync(join(root, 'src/lib/b.ts'));
		writeFileSync(join(root, 'src/app.ts'), 'export const a = 1;\nexport const b = 2;\n');
		expect(sourceVersion(root, sources)).not.toBe(before);
	});

	it('skips a source the checkout lacks instead of failing', () => {
		expect(sourceVersion(root, [...sources, 'no-such-dir'])).toBe(sourceVersion(root, sources));
	});
});
