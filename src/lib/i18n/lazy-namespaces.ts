/**
 * Interface texts the first paint does without. The first screen hydrates with French texts
 * from src/lib/i18n/first-paint.ts, inside the 50 KiB first-route budget; the namespaces here
 * are left out of that copy in the browser (the prerendered HTML still has them).
 *
 * Rule for a namespace listed here: its texts only render once the session is ready
 * (`session.ready`), which is after i18next has loaded. A text rendered during hydration
 * would show its key for a moment.
 * - profiles, workshop, lock: shared tablets (picker, end of session, facilitator settings,
 *   auto-lock), which a personal phone never shows.
 * - coach, evaluation: coach mode, the coach's marks on a portfolio and the caseload; every
 *   one of these renders behind `session.ready` (routes/coach, routes/portfolio, routes/share).
 * - packImport: only in the settings screen, which shows nothing before the session is ready
 *   (in workshop mode it is the facilitator's).
 * - pdf: only in the portfolio's share panel once the person has agreed to share, and in the
 *   PDF itself; the portfolio shows nothing before the session is ready.
 * - skillsMap: only in the portfolio, once its data has loaded (after the session is ready).
 * - voicePack: only the reasons a voice pack was refused, in the studio, after a file was picked.
 * - steps: the next steps agreed with a coach, on the portfolio and the shared view, both
 *   rendered behind `session.ready`.
 * - backup: the settings screen's backup panel (behind `session.ready`, like packImport) and the
 *   "make room" screen's backup button, also behind `session.ready`.
 */
export const LAZY_NAMESPACES: readonly string[] = [
	'profiles',
	'workshop',
	'lock',
	'coach',
	'evaluation',
	'packImport',
	'pdf',
	'skillsMap',
	'voicePack',
	'steps',
	'backup'
];
