/**
 * A first visit's empty state (quiz start, strengths, portfolio) is in the prerendered page: the
 * early script in <head> marks a first visit's <html> (src/lib/i18n/early-direction.js), and such a
 * page hydrates the empty state as it is, on screen from the first paint. Put on the element that
 * holds it, this attribute is in the prerendered page only (hydration removes it): on a page that is
 * not a first visit's, app.css hides that element until hydration has replaced it with "loading",
 * so a returning person never sees "your portfolio is empty" flash before their portfolio.
 */
import { building } from '$app/environment';

export const PRERENDERED_FIRST_VISIT: '' | undefined = building ? '' : undefined;
