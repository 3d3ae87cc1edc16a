/**
 * JSON from outside (an imported pack, a backup) is parsed defensively: bounded in size
 * and nesting before JSON.parse runs, and keys that could reach an object's prototype are
 * refused instead of being carried along.
 */
export type SafeJsonError = 'too-large' | 'too-deep' | 'not-json' | 'forbidden-key';
export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; error: SafeJsonError };

export interface SafeJsonLimits {
	maxChars: number;
	maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: SafeJsonLimits = { maxChars: 5_000_000, maxDepth: 32 };
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Nesting depth of objects and arrays, ignoring brackets inside strings. */
export function jsonDepth(text: string, stopAt = Infinity): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (inString) {
			if (ch === 92)
				i++; // backslash: skip the escaped char
			else if (ch === 34) inString = false;
		} else if (ch === 34) inString = true;
		else if (ch === 123 || ch === 91) {
			if (++depth > max) max = depth;
			if (max > stopAt) return max;
		} else if (ch === 125 || ch === 93) depth--;
	}
	return max;
}

/** Finds a key that could reach a prototype anywhere in an already-parsed value. */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
	if (depth > 64 || value === null || typeof value !== 'object') return false;
	for (const key of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(key)) return true;
		if (hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
	}
	return false;
}

export function parseJsonSafely(text: string, limits: SafeJsonLimits = DEFAULT_JSON_LIMITS): SafeJsonResult {
	if (text.length > limits.maxChars) return { ok: false, error: 'too-large' };
	if (jsonDepth(text, limits.maxDepth) > limits.maxDepth) return { ok: false, error: 'too-deep' };
	let forbidden = false;
	let value: unknown;
	try {
		value = JSON.parse(text, function (key, v: unknown) {
			if (FORBIDDEN_KEYS.has(key)) forbidden = true;
			return v;
		});
	} catch {
		return { ok: false, error: 'not-json' };
	}
	return forbidden ? { ok: false, error: 'forbidden-key' } : { ok: true, value };
}
