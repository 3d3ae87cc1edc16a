/**
 * A next step as something to say: its kind, its words, its day and who planned it, each with
 * its audio key where it has one (so a recorded voice pack speaks the interface parts).
 */
import type { Prompt } from '../audio/player';
import { locale, tp } from './locale.svelte';

export interface SpokenStep {
	kind: 'training' | 'job' | 'contact';
	text: string;
	date: string;
	coach?: string;
}

/** The day of a step (YYYY-MM-DD, a calendar day: read in UTC so no time zone moves it). */
export const stepDay = (day: string): string => locale.date(Date.parse(`${day}T12:00:00Z`), 'long');

export function stepPrompts(step: SpokenStep | null): Prompt[] {
	if (!step) return [tp('steps.title'), tp('steps.help')];
	const planned = step.coach ? { text: locale.t('steps.with', { coach: step.coach }) } : tp('steps.withCoach');
	return [tp(`steps.kind.${step.kind}`), { text: step.text }, { text: stepDay(step.date) }, planned];
}
