/**
 * Text that came from outside (a pack, a backup, a link) must not hide what it says:
 * bidirectional overrides can make a name read backwards, control characters can hide
 * text, and markup has no business in a label (Svelte escapes it anyway; this refuses it).
 */
function isHiddenControl(code: number): boolean {
	const c0 = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
	const bidiOverride = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
	return c0 || code === 0x7f || bidiOverride;
}

const MARKUP = /<\s*\/?\s*[a-z!]/i;

export function hasUnsafeText(text: string): boolean {
	if (MARKUP.test(text)) return true;
	for (const ch of text) if (isHiddenControl(ch.codePointAt(0)!)) return true;
	return false;
}
