/**
 * Picture codes and PINs. A profile's code is three pictograms from a 3×3 grid (WCAG 2.2
 * "object recognition": no reading, no memorising of text); facilitator and coach PINs are
 * digits. Only a salted SHA-256 is stored, never the code.
 *
 * Back-off: the first three wrong attempts are free (a slip of the finger), then each wrong
 * attempt doubles the wait, from 30 seconds up to 15 minutes. A facilitator can reset the code.
 * Guessing all 729 codes then takes days, which is enough for a tablet in a supervised room.
 */
import { CODE_LENGTH, CODE_PICTOGRAMS } from './profile-looks';

export interface SecretHash {
	salt: string;
	hash: string;
}

export const FREE_ATTEMPTS = 3;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;

export function isPictureCode(code: readonly number[]): boolean {
	return (
		code.length === CODE_LENGTH &&
		code.every((cell) => Number.isInteger(cell) && cell >= 0 && cell < CODE_PICTOGRAMS.length)
	);
}

export function isPin(pin: string): boolean {
	return /^\d{4,8}$/.test(pin);
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
	return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function digest(salt: string, secret: string): Promise<string> {
	return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${secret}`)));
}

/** Hashes a picture code (as positions) or a PIN, with a fresh random salt. */
export async function hashSecret(secret: readonly number[] | string): Promise<SecretHash> {
	const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
	return { salt, hash: await digest(salt, typeof secret === 'string' ? secret : secret.join('-')) };
}

export async function secretMatches(stored: SecretHash, secret: readonly number[] | string): Promise<boolean> {
	const candidate = await digest(stored.salt, typeof secret === 'string' ? secret : secret.join('-'));
	// Both are fixed-length hex: compare every character so timing says nothing.
	let difference = candidate.length ^ stored.hash.length;
	for (let i = 0; i < candidate.length; i++) difference |= candidate.charCodeAt(i) ^ stored.hash.charCodeAt(i);
	return difference === 0;
}

/** How long to wait after `failures` wrong attempts in a row before the next one is accepted. */
export function backoffMs(failures: number): number {
	if (failures < FREE_ATTEMPTS) return 0;
	return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Milliseconds still to wait before trying again (0: try now). */
export function waitLeftMs(attempts: { failures: number; lastFailureAt?: number }, now: number): number {
	if (!attempts.lastFailureAt) return 0;
	return Math.max(0, attempts.lastFailureAt + backoffMs(attempts.failures) - now);
}

/** Wrong attempts in a row, kept with what they protect (a profile, the device's PIN). */
export interface Attempts {
	failures?: number;
	lastFailureAt?: number;
}

/** The answer to one attempt: right, or wrong and how long to wait before the next one. */
export type CheckResult = { ok: true } | { ok: false; waitMs: number };

/**
 * Checks a code or PIN with the back-off. While a wait is running the attempt is refused
 * without being checked or counted. A right answer clears the count; a wrong one adds one.
 * Says only right or wrong: never which pictogram or digit was wrong.
 */
export async function checkWithBackoff(
	stored: SecretHash,
	attempts: Attempts,
	secret: readonly number[] | string,
	now: number
): Promise<{ result: CheckResult; attempts: Attempts }> {
	const failures = attempts.failures ?? 0;
	const wait = waitLeftMs({ failures, lastFailureAt: attempts.lastFailureAt }, now);
	if (wait > 0) return { result: { ok: false, waitMs: wait }, attempts };
	if (await secretMatches(stored, secret)) return { result: { ok: true }, attempts: { failures: 0 } };
	const next = { failures: failures + 1, lastFailureAt: now };
	return { result: { ok: false, waitMs: backoffMs(next.failures) }, attempts: next };
}
