import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hasUnsafeText } from '../../../src/lib/domain/text-safety';

describe('hasUnsafeText', () => {
	it.each([
		['French', "J'aide mes voisins à faire leurs courses, c'est génial !"],
		['Arabic', 'أساعد جيراني في التسوق كل أسبوع.'],
		['Ukrainian', 'Я допомагаю сусідам робити покупки.'],
		['a comparison that is not markup', '3 < 5 et 5 > 3'],
		['tabs and new lines', 'Ligne 1\nLigne 2\tfin\r\n'],
		['emoji and digits', 'Bravo 🎉 10/10']
	])('accepts normal text: %s', (_name, text) => {
		expect(hasUnsafeText(text)).toBe(false);
	});

	it.each([
		['U+202E right-to-left override', 'facture\u202Efdp.exe'],
		['U+202A left-to-right embedding', 'a\u202Ab'],
		['U+2066 left-to-right isolate', 'a\u2066b'],
		['U+2067 right-to-left isolate', 'a\u2067b'],
		['U+2068 first strong isolate', 'a\u2068b'],
		['U+2069 pop directional isolate', 'a\u2069b'],
		['NUL', 'a\u0000b'],
		['escape', 'a\u001b[31mred'],
		['backspace', 'a\u0008b'],
		['DEL', 'a\u007fb']
	])('refuses a hidden control: %s', (_name, text) => {
		expect(hasUnsafeText(text)).toBe(true);
	});

	it.each(['<b>gras</b>', '<script>alert(1)</script>', '< img src=x onerror=alert(1)>', '</div>', '<!-- note -->'])(
		'refuses markup %j',
		(text) => {
			expect(hasUnsafeText(text)).toBe(true);
		}
	);

	it('refuses any text once a bidi override is inserted anywhere', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.constantFrom('\u202E', '\u2066', '\u2069'), (before, after, ch) => {
				expect(hasUnsafeText(before + ch + after)).toBe(true);
			})
		);
	});
});
