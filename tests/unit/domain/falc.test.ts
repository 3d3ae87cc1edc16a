import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FALC_MAX_WORDS, hasAbbreviation, longSentences, sentences, wordCount } from '../../../src/lib/domain/falc';

describe('sentences', () => {
	it('splits on . ! ? and trims', () => {
		expect(sentences('Tu cuisines. Tu ranges !  Tu aides ?')).toEqual(['Tu cuisines', 'Tu ranges', 'Tu aides']);
	});

	it('splits on the Arabic question mark ؟', () => {
		expect(sentences('هل تطبخ؟ أنا أطبخ.')).toEqual(['هل تطبخ', 'أنا أطبخ']);
	});

	it('splits on an ellipsis, written as one character or as three dots', () => {
		expect(sentences('Je réfléchis… Je sais.')).toEqual(['Je réfléchis', 'Je sais']);
		expect(sentences('Je réfléchis... Je sais.')).toEqual(['Je réfléchis', 'Je sais']);
	});

	it('does not split inside a number or a word', () => {
		expect(sentences('Il coûte 3.50 euros. Voir atouts.fr demain.')).toEqual([
			'Il coûte 3.50 euros',
			'Voir atouts.fr demain'
		]);
	});

	it('drops pieces without any letter or digit', () => {
		expect(sentences('« Tu viens ? » !')).toEqual(['« Tu viens']);
		expect(sentences(' ... ')).toEqual([]);
	});
});

describe('wordCount', () => {
	it('counts words separated by spaces', () => {
		expect(wordCount('Je prépare le repas pour ma famille')).toBe(7);
	});

	it('ignores lone punctuation such as the French spaced "?" or a dash', () => {
		expect(wordCount('Tu viens ?')).toBe(2);
		expect(wordCount('Moi — je cuisine : souvent !')).toBe(4);
	});

	it('counts words in Arabic and Ukrainian scripts and digits', () => {
		expect(wordCount('أنا أطبخ كل يوم')).toBe(4);
		expect(wordCount('Я готую щодня')).toBe(3);
		expect(wordCount('Il a 3 enfants')).toBe(4);
	});

	it('never counts more words than space-separated runs', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(wordCount(s)).toBeLessThanOrEqual(s.split(/\s+/u).length);
			})
		);
	});
});

describe('longSentences', () => {
	const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');

	it('allows exactly FALC_MAX_WORDS (12) words and flags 13', () => {
		expect(FALC_MAX_WORDS).toBe(12);
		expect(longSentences(`${words(12)}.`)).toEqual([]);
		expect(longSentences(`Court. ${words(13)} ?`)).toEqual([{ sentence: words(13), words: 13 }]);
	});

	it('judges each sentence on its own', () => {
		expect(longSentences(`${words(8)}. ${words(8)}.`)).toEqual([]);
	});

	it('does not count a trailing lone "?" as a word', () => {
		expect(longSentences(`${words(12)} ?`)).toEqual([]);
	});

	it('takes a custom maximum', () => {
		expect(longSentences('Un deux trois.', 2)).toHaveLength(1);
	});
});

describe('hasAbbreviation', () => {
	it.each(['Des outils, etc.', 'ex. une pomme', 'Viens svp', 'cf. la fiche', 'env. 10 minutes', 'e.g. this', 'ETC.'])(
		'flags %j',
		(text) => {
			expect(hasAbbreviation(text)).toBe(true);
		}
	);

	it.each(['Exemple : une pomme', 'Le texte est complet.', 'Une recette', 'Je suis excité.', 'cfa'])(
		'accepts %j',
		(text) => {
			expect(hasAbbreviation(text)).toBe(false);
		}
	);
});
