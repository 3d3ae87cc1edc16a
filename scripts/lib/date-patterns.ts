/**
 * Date patterns for the shipped languages, read from ICU (Node's Intl) once, at development time:
 * the app then writes dates without making an Intl.DateTimeFormat, whose first use on a page loads
 * ICU's date data (~135 ms in one task at 4x CPU, in the shared view's first render).
 * `npx tsx scripts/date-patterns.ts` rewrites src/lib/i18n/date-patterns.json; the unit test
 * tests/unit/i18n/date-format.test.ts fails while that file is not what this produces, and checks
 * the runtime formatter against Intl on every day of two years.
 */
import { SHIPPED_LANGUAGES } from '../../src/lib/i18n/languages';
import type { DatePattern, DateStyle } from '../../src/lib/i18n/date-format';

export const STYLES: readonly DateStyle[] = ['medium', 'long'];

/** `{d}` `{dd}` day, `{M}` month (its name when the style has months), `{MM}` two-digit month, `{y}` `{yy}` year. */
function patternOf(locale: string, style: DateStyle): DatePattern {
	const format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
	// 5 May 2026: a one-digit day and month show whether they are padded to two.
	const sample = format.formatToParts(Date.UTC(2026, 4, 5, 12));
	let named = false;
	const template = sample
		.map((part) => {
			if (part.value.includes('{')) throw new Error(`${locale} ${style}: a brace in "${part.value}"`);
			// As format() writes it: V8 turns ICU's narrow no-break spaces into plain ones there (web
			// compatibility), not in formatToParts.
			if (part.type === 'literal') return part.value.replaceAll('\u202f', ' ');
			const two = part.value.length === 2;
			if (part.type === 'day') return two ? '{dd}' : '{d}';
			if (part.type === 'year') return two ? '{yy}' : '{y}';
			if (part.type === 'month') {
				named = !/^\d+$/.test(part.value);
				return two && !named ? '{MM}' : '{M}';
			}
			throw new Error(`${locale} ${style}: unexpected date part "${part.type}"`);
		})
		.join('');
	if (!named) return [template];
	const months = Array.from(
		{ length: 12 },
		(_, m) => format.formatToParts(Date.UTC(2026, m, 15, 12)).find((p) => p.type === 'month')!.value
	);
	return [template, months];
}

export function datePatterns(): Record<string, Partial<Record<DateStyle, DatePattern>>> {
	return Object.fromEntries(
		SHIPPED_LANGUAGES.map(({ locale }) => [locale, Object.fromEntries(STYLES.map((s) => [s, patternOf(locale, s)]))])
	);
}
