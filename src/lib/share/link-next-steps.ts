/**
 * The next steps agreed with a coach, as the share link carries them: an extension record of
 * the link body (see link-codec.ts), tag 2. Even tags are "safe to ignore", so an Atouts that
 * predates next steps still opens the link and shows the rest; the frame version is unchanged.
 *
 * Record payload: count varint | per step: kind u8 (0 training, 1 job lead, 2 contact)
 *   | day varint (days since 2020-01-01 UTC; a step is usually in the future)
 *   | text (length varint | UTF-8) | coach (length varint | UTF-8, empty = not named).
 * At most MAX_LINK_STEPS steps travel (the soonest first), so a QR code stays scannable.
 */
import { hasUnsafeText } from '../domain/text-safety';
import { Fail, Reader, pushText, pushVarint } from './link-bytes';

export const NEXT_STEPS_TAG = 2;
export const MAX_LINK_STEPS = 5;
export const MAX_STEP_CHARS = 200;
export const MAX_STEP_COACH_CHARS = 60;
const KINDS = ['training', 'job', 'contact'] as const;
const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;
const MAX_DAY = 100_000;

export interface SharedNextStep {
	kind: (typeof KINDS)[number];
	text: string;
	/** The day of the step, YYYY-MM-DD. */
	date: string;
	coach?: string;
}

const trimTo = (text: string | undefined, max: number) => [...(text ?? '').trim()].slice(0, max).join('').trim();
const unsafe = (text: string) => hasUnsafeText(text) || /[\uD800-\uDFFF]/u.test(text);

function dayOfDate(date: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
	if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError('bad step date');
	// A date before 2020 can only be a typing slip: clamped, like the competences' dates, not refused.
	return Math.min(MAX_DAY, Math.max(0, Math.floor((ms - EPOCH) / DAY)));
}

/** The steps that travel: soonest first, at most MAX_LINK_STEPS, texts trimmed to their limits. */
export function linkSteps(steps: readonly SharedNextStep[]): SharedNextStep[] {
	return [...steps]
		.sort((a, b) => a.date.localeCompare(b.date))
		.slice(0, MAX_LINK_STEPS)
		.map((s) => {
			const coach = trimTo(s.coach, MAX_STEP_COACH_CHARS);
			return { kind: s.kind, text: trimTo(s.text, MAX_STEP_CHARS), date: s.date, ...(coach ? { coach } : {}) };
		});
}

/** The whole record (tag, length, payload), or nothing when there is no step. Throws RangeError on a bad step. */
export function nextStepsRecord(steps: readonly SharedNextStep[] | undefined): number[] {
	const travelling = linkSteps(steps ?? []);
	if (!travelling.length) return [];
	const payload: number[] = [];
	pushVarint(payload, travelling.length);
	for (const step of travelling) {
		const kind = KINDS.indexOf(step.kind);
		if (kind < 0) throw new RangeError('bad step kind');
		if (!step.text || unsafe(step.text) || unsafe(step.coach ?? '')) throw new RangeError('bad step text');
		payload.push(kind);
		pushVarint(payload, dayOfDate(step.date));
		pushText(payload, step.text);
		pushText(payload, step.coach ?? '');
	}
	const record: number[] = [];
	pushVarint(record, NEXT_STEPS_TAG);
	pushVarint(record, payload.length);
	return [...record, ...payload];
}

function readStepText(r: Reader, maxChars: number): string {
	const text = r.text(maxChars * 4);
	if (trimTo(text, maxChars) !== text || unsafe(text)) throw new Fail('invalid');
	return text;
}

/** Reads a record's payload; a damaged or hostile one refuses the whole link ('invalid'). */
export function readNextSteps(payload: Uint8Array): SharedNextStep[] {
	const r = new Reader(payload);
	const count = r.varint();
	if (count < 1 || count > MAX_LINK_STEPS) throw new Fail('invalid');
	const steps: SharedNextStep[] = [];
	for (let i = 0; i < count; i++) {
		const kind = KINDS[r.byte()];
		if (!kind) throw new Fail('invalid');
		const day = r.varint();
		if (day > MAX_DAY) throw new Fail('invalid');
		const text = readStepText(r, MAX_STEP_CHARS);
		if (!text) throw new Fail('invalid');
		const coach = readStepText(r, MAX_STEP_COACH_CHARS);
		const date = new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
		steps.push({ kind, text, date, ...(coach ? { coach } : {}) });
	}
	if (r.pos !== payload.length) throw new Fail('invalid');
	return steps;
}
