/**
 * Dates in a locale's own words, as ICU writes them, without Intl.DateTimeFormat for the shipped
 * languages: a page's first Intl.DateTimeFormat loads ICU's date data, ~135 ms in one task on a
 * budget phone (4x CPU), and it fell in the shared view's first render. The patterns (order,
 * separators, padding, month names) are read from ICU at development time into
 * date-patterns.json (scripts/date-patterns.ts) and registered by texts.ts, which every screen
 * that shows a date has loaded (the first screen's budget has no room for them); a locale or
 * style without one, or a date asked for before the texts have loaded (i18n/texts.ts), uses Intl.
 */
export type DateStyle = 'short' | 'medium' | 'long';

/**
 * A template (`{d}` `{dd}` day, `{M}` month, `{MM}` two-digit month, `{y}` `{yy}` year, the rest
 * as written), and the month names (0 = January) when the style writes the month as a word.
 */
export type DatePattern = [template: string, months?: string[]];

export type DatePatterns = Record<string, Partial<Record<DateStyle, DatePattern>>>;

let registered: DatePatterns = {};
export function registerDatePatterns(patterns: DatePatterns): void {
	registered = patterns;
}
const formats = new Map<string, Intl.DateTimeFormat>();

const padded = (n: number) => String(n).padStart(2, '0');

export function formatDate(locale: string, style: DateStyle, ms: number): string {
	const pattern = registered[locale]?.[style];
	if (!pattern) return intlFormat(locale, style, ms);
	const [template, months] = pattern;
	const date = new Date(ms);
	const fields: Record<string, string> = {
		d: String(date.getDate()),
		dd: padded(date.getDate()),
		M: months ? months[date.getMonth()]! : String(date.getMonth() + 1),
		MM: padded(date.getMonth() + 1),
		y: String(date.getFullYear()),
		yy: padded(date.getFullYear() % 100)
	};
	return template.replace(/\{(\w+)\}/g, (_, name: string) => fields[name]!);
}

/** One Intl.DateTimeFormat per locale and style, kept (making one costs ~0.3 ms at 4x CPU). */
function intlFormat(locale: string, style: DateStyle, ms: number): string {
	const key = `${locale}|${style}`;
	let format = formats.get(key);
	if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: style })));
	return format.format(ms);
}
