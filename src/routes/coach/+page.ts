// Coach mode is behind a PIN and shows nothing before the session is ready, so a prerendered
// copy would hold only "loading": the SPA shell (200.html, precached) serves /coach instead,
// which keeps one more page out of the precache.
export const prerender = false;
