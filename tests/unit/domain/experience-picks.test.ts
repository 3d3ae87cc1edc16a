import { describe, it, expect } from 'vitest';
import { suggestedCompetences } from '../../../src/lib/domain/experience-picks';
import type { Experience } from '../../../src/lib/domain/content-schema';
import type { ExperiencePick } from '../../../src/lib/domain/records';

const P = 'fluent-emoji-flat:house';
const experiences: Experience[] = [
	{
		id: 'club-sport',
		pictogram: P,
		suggests: ['work-in-team', 'keep-going'],
		followUps: [
			{
				id: 'captain',
				pictogram: P,
				options: [
					{ id: 'yes', pictogram: P, suggests: ['lead-group'] },
					{ id: 'no', pictogram: P, suggests: [] }
				]
			},
			{
				id: 'coach',
				pictogram: P,
				options: [
					{ id: 'yes', pictogram: P, suggests: ['explain'] },
					{ id: 'no', pictogram: P, suggests: [] }
				]
			}
		]
	},
	{ id: 'cook-home', pictogram: P, suggests: ['cook', 'keep-going'], followUps: [] }
];

const pick = (experienceId: string, followUps: Record<string, string> = {}): ExperiencePick => ({
	profileId: 'default',
	experienceId,
	followUps,
	at: 1
});

describe('suggestedCompetences', () => {
	it('is empty without picks', () => {
		expect(suggestedCompetences(experiences, [])).toEqual(new Set());
	});

	it("is the union of the picked experiences' suggestions, without duplicates", () => {
		expect(suggestedCompetences(experiences, [pick('club-sport'), pick('cook-home')])).toEqual(
			new Set(['work-in-team', 'keep-going', 'cook'])
		);
	});

	it('adds what the chosen follow-up options suggest, and only those', () => {
		expect(suggestedCompetences(experiences, [pick('club-sport', { captain: 'yes', coach: 'no' })])).toEqual(
			new Set(['work-in-team', 'keep-going', 'lead-group'])
		);
		expect(suggestedCompetences(experiences, [pick('club-sport', { coach: 'yes' })])).toEqual(
			new Set(['work-in-team', 'keep-going', 'explain'])
		);
	});

	it('ignores answers to unknown follow-ups or options', () => {
		expect(suggestedCompetences(experiences, [pick('club-sport', { captain: 'maybe', other: 'yes' })])).toEqual(
			new Set(['work-in-team', 'keep-going'])
		);
	});

	it('ignores a pick whose experience no longer exists', () => {
		expect(suggestedCompetences(experiences, [pick('removed-theme'), pick('cook-home')])).toEqual(
			new Set(['cook', 'keep-going'])
		);
	});
});
