import { describe, it, expect } from 'vitest';
import { inlinePictograms } from '../../../scripts/inline-pictograms';

const files: Record<string, string> = {
	'pictos/fluent-emoji-flat/house.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M1 1h30"/></svg>',
	'pictos/fluent-emoji-flat/clip.svg':
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><g clip-path="url(#a)"><path d="M2 2"/></g><defs><clipPath id="a"><path d="M0 0h32v32H0z"/></clipPath></defs></svg>'
};
const read = (path: string) => {
	const text = files[path];
	if (text === undefined) throw new Error(`ENOENT: ${path}`);
	return text;
};
const picto = (ref: string, extra = '') =>
	`<svg class="picto  svelte-x" width="48" height="48" aria-hidden="true" focusable="false" data-picto="${ref}"${extra}></svg>`;

describe('inlinePictograms', () => {
	it('draws the pictograms of a prerendered page into it, marked as drawn', () => {
		const page = `<main><button>${picto('fluent-emoji-flat:house')}<span>Home</span></button></main>`;
		const { html, drawn } = inlinePictograms(page, read);
		expect(drawn).toBe(1);
		expect(html).toBe(
			'<main><button><svg class="picto  svelte-x" width="48" height="48" aria-hidden="true" focusable="false" data-picto="fluent-emoji-flat:house" viewBox="0 0 32 32" data-drawn="fluent-emoji-flat:house"><path d="M1 1h30"/></svg><span>Home</span></button></main>'
		);
	});

	it('leaves lazy pictograms and other svgs to the app, and a page without pictograms as it is', () => {
		const lazy = picto('fluent-emoji-flat:house', ' data-lazy=""');
		const other = '<svg viewBox="0 0 10 10"></svg>';
		expect(inlinePictograms(`<ul><li>${lazy}</li></ul>${other}`, read)).toEqual({
			html: `<ul><li>${lazy}</li></ul>${other}`,
			drawn: 0
		});
	});

	it('gives each drawing of the same pictogram its own ids', () => {
		const { html, drawn } = inlinePictograms(picto('fluent-emoji-flat:clip') + picto('fluent-emoji-flat:clip'), read);
		expect(drawn).toBe(2);
		expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual(['a-b1', 'a-b2']);
		expect([...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])).toEqual(['a-b1', 'a-b2']);
	});

	it('fails the build on a pictogram whose file is missing', () => {
		expect(() => inlinePictograms(picto('fluent-emoji-flat:nowhere'), read)).toThrow(/ENOENT/);
	});
});
