/**
 * Numbers in a locale's own digits and separators, as Intl.NumberFormat writes them.
 *
 * The first Intl.NumberFormat of a page loads ICU's number data: ~150-190 ms in one task on a
 * budget phone (4x CPU), and it fell in the portfolio's first render ("12 competences").
 * The numbers Atouts shows are nearly always small counts, and a whole number under 1,000 has
 * no group separator: in a language written with Latin digits it is just its digits, so Intl
 * is only made for the rest. tests/unit/i18n/number-format.test.ts checks both paths agree for
 * every shipped language.
 */

/** Below this, a whole number has no group separator in any locale. */
const NO_GROUPING_BELOW = 1000;

const formats = new Map<string, Intl.NumberFormat>();

/** `numbering`: the language's digits (LanguageInfo.numbering), 'latn' for 0-9. */
export function formatNumber(value: number, locale: string, numbering = 'latn'): string {
	if (numbering === 'latn' && Number.isInteger(value) && value >= 0 && value < NO_GROUPING_BELOW) return String(value);
	let format = formats.get(locale);
	if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale)));
	return format.format(value);
}
