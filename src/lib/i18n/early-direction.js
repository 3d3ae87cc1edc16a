/**
 * The page's direction before any module loads, whether it is a first visit (STORED_FLAG_KEY), and
 * whether its text fonts are on the device (FONTS_ATTRIBUTE); it also opens sessionStorage early.
 * Prerendered pages are French and left to right; on an Arabic phone the app used to lay them out
 * left to right, then mirror everything once i18next had loaded: the whole screen jumped
 * (Lighthouse measured a layout shift of 0.22). This tiny inline script, in the <head> of every
 * page, sets dir="rtl" at once when the language the app will choose is written right to left: the
 * language last used on this device (mirrored in localStorage by the locale state), else the
 * device's languages, as resolveLanguage does.
 *
 * Plain JS, because svelte.config.js hashes it for the Content-Security-Policy.
 * tests/unit/i18n/early-direction.test.ts checks these lists against SHIPPED_LANGUAGES.
 */
export const LANGUAGE_HINT_KEY = 'atouts.language';
/**
 * Kept by the session (storage/first-visit.ts): '1' once this device has an Atouts database, '0'
 * while it has none. With '0', or with neither it nor a language hint (a new device; a device that
 * used a version without this flag has a hint), the page is a first visit's: the script marks
 * <html> with FIRST_VISIT_ATTRIBUTE, and the screens that show an empty state when nothing is
 * stored (quiz start, strengths, portfolio: ui/EmptyState.svelte) keep the one the page was
 * prerendered with: on screen at the first paint, not after the scripts have loaded (on slow 4G,
 * about a second later).
 */
export const STORED_FLAG_KEY = 'atouts.stored';
export const FIRST_VISIT_ATTRIBUTE = 'data-first-visit';
/**
 * Set when a service worker serves the page: the text fonts are then on the device (the Latin ones
 * precached, the others cached on first use), and app.css uses them. Without one (a first visit, or
 * a browser without service workers) the page keeps the phone's own sans-serif and fetches no
 * font: on slow data, 26 KB of fonts in French and 130 KB in Arabic competed with the scripts the
 * first screen waits for, to arrive too late to be used (they are `optional`: src/fonts.css).
 */
export const FONTS_ATTRIBUTE = 'data-fonts';
export const SHIPPED_CODES = ['fr', 'en', 'ar', 'uk'];
export const RTL_CODES = ['ar'];

export const EARLY_DIRECTION_SCRIPT =
	'(function(){try{' +
	`var s=${JSON.stringify(SHIPPED_CODES)},r=${JSON.stringify(RTL_CODES)},l=null;` +
	`var h=null,f=null;try{h=localStorage.getItem(${JSON.stringify(LANGUAGE_HINT_KEY)});` +
	`f=localStorage.getItem(${JSON.stringify(STORED_FLAG_KEY)})}catch(e){}` +
	`if(f==='0'||(!h&&!f))document.documentElement.setAttribute(${JSON.stringify(FIRST_VISIT_ATTRIBUTE)},'');` +
	// Opens this tab's sessionStorage now, before the first paint: the first read of it waits for
	// the browser to hand its contents over (1 to 4 ms on a test machine, more while the page's
	// files are loading), and SvelteKit's client reads it first at start, in the long task that
	// builds the screen, where every millisecond counts against a slow phone's blocking time.
	'try{sessionStorage.length}catch(e){}' +
	// Its own try: some private modes throw on reading navigator.serviceWorker.
	`try{if(navigator.serviceWorker&&navigator.serviceWorker.controller)document.documentElement.setAttribute(${JSON.stringify(FONTS_ATTRIBUTE)},'')}catch(e){}` +
	'if(s.indexOf(h)>=0)l=h;else{var d=navigator.languages||[navigator.language];' +
	"for(var i=0;i<d.length&&!l;i++){var p=String(d[i]).toLowerCase().split('-')[0];if(s.indexOf(p)>=0)l=p}}" +
	"if(r.indexOf(l)>=0)document.documentElement.dir='rtl'" +
	'}catch(e){}})();';
