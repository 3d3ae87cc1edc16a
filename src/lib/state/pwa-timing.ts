/**
 * The service worker is registered this long after the page's `load`.
 * Installing it downloads the whole app for offline use (~1.5 MB, hundreds of files): registered
 * at once, the install took the first screen's bandwidth and the device's cores while that screen
 * was being built. In Lighthouse (whose every run is a first visit), the screens' blocking time
 * fell with it (`/share` in Arabic 240 → 68 ms, `/settings` in Arabic 266 → 99 ms, median of three).
 */
export const REGISTER_AFTER_LOAD_MS = 2000;
