// A static, offline-first app: every route is prerendered at build time.
export const prerender = true;
export const trailingSlash = 'never';
