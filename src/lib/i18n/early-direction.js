/**
 * The page's direction before any module loads. Prerendered pages are French and left to right;
 * on an Arabic phone the app used to lay them out left to right, then mirror everything once
 * i18next had loaded: the whole screen jumped (Lighthouse measured a layout shift of 0.22). This
 * tiny inline script, in the <head> of every page, sets dir="rtl" at once when the language the
 * app will choose is written right to left: the language last used on this device (mirrored in
 * localStorage by the locale state), else the device's languages, as resolveLanguage does.
 *
 * Plain JS, because svelte.config.js hashes it for the Content-Security-Policy.
 * tests/unit/i18n/early-direction.test.ts checks these lists against SHIPPED_LANGUAGES.
 */
export const LANGUAGE_HINT_KEY = 'atouts.language';
export const SHIPPED_CODES = ['fr', 'en', 'ar', 'uk'];
export const RTL_CODES = ['ar'];

export const EARLY_DIRECTION_SCRIPT =
	'(function(){try{' +
	`var s=${JSON.stringify(SHIPPED_CODES)},r=${JSON.stringify(RTL_CODES)},l=null;` +
	`var h=null;try{h=localStorage.getItem(${JSON.stringify(LANGUAGE_HINT_KEY)})}catch(e){}` +
	'if(s.indexOf(h)>=0)l=h;else{var d=navigator.languages||[navigator.language];' +
	"for(var i=0;i<d.length&&!l;i++){var p=String(d[i]).toLowerCase().split('-')[0];if(s.indexOf(p)>=0)l=p}}" +
	"if(r.indexOf(l)>=0)document.documentElement.dir='rtl'" +
	'}catch(e){}})();';
