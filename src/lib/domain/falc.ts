/**
 * Easy-to-read rules (FALC) that a machine can check. Writers still judge the rest:
 * one idea per sentence, common words, concrete examples.
 */
export const FALC_MAX_WORDS = 12;

const SENTENCE_END = /[.!?؟…]+(?=\s|$)/u;
const HAS_LETTER = /[\p{L}\p{N}]/u;

export function sentences(text: string): string[] {
	return text
		.split(SENTENCE_END)
		.map((s) => s.trim())
		.filter((s) => HAS_LETTER.test(s));
}

/** Words are runs between spaces that carry at least one letter or digit ("?" alone is not a word). */
export function wordCount(sentence: string): number {
	return sentence.split(/\s+/u).filter((w) => HAS_LETTER.test(w)).length;
}

export interface FalcProblem {
	sentence: string;
	words: number;
}

export function longSentences(text: string, max = FALC_MAX_WORDS): FalcProblem[] {
	return sentences(text)
		.map((sentence) => ({ sentence, words: wordCount(sentence) }))
		.filter((s) => s.words > max);
}

/** Abbreviations that FALC forbids and that authors reach for out of habit. */
const ABBREVIATIONS = /(?:^|\s)(?:etc\.|ex\.|cf\.|env\.|svp|p\.ex\.|e\.g\.|i\.e\.)(?=\s|$)/iu;

export function hasAbbreviation(text: string): boolean {
	return ABBREVIATIONS.test(text);
}
