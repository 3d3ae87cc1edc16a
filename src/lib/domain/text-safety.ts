/**
 * Text that came from outside (a pack, a backup, a link) must not hide what it says:
 * bidirectional overrides can make a name read backwards, control characters can hide
 * text, and markup has no business in a label (Svelte escapes it anyway; this refuses it).
 */
function isHiddenControl(code: number): boolean {
	const c0 = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
	const c1 = code >= 0x7f && code <= 0x9f;
	const bidiOverride = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
	// Zero-width space, word joiner and a stray BOM hide text. ZWJ/ZWNJ and LRM/RLM stay
	// allowed: Arabic-script languages and mixed-direction text need them.
	const invisible = code === 0x200b || code === 0x2060 || code === 0xfeff;
	return c0 || c1 || bidiOverride || invisible;
}

const MARKUP = /<\s*\/?\s*[a-z!]/i;

export function hasHiddenControl(text: string): boolean {
	for (const ch of text) if (isHiddenControl(ch.codePointAt(0)!)) return true;
	return false;
}

/** Replaces every hidden control character with a space (for text that must not be refused). */
export function stripHiddenControls(text: string): string {
	return Array.from(text, (ch) => (isHiddenControl(ch.codePointAt(0)!) ? ' ' : ch)).join('');
}

export function hasUnsafeText(text: string): boolean {
	return MARKUP.test(text) || hasHiddenControl(text);
}
