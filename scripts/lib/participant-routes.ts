/**
 * The participant routes the performance targets cover (issue #10), and the languages they are
 * measured in: French, and Arabic for right to left. One list for the bench and the browser budget.
 */
export const PARTICIPANT_ROUTES: readonly string[] = [
	'/',
	'/experiences',
	'/quiz',
	'/strengths',
	'/portfolio',
	'/share',
	'/settings'
];
export const MEASURED_LANGUAGES: readonly string[] = ['fr', 'ar'];
