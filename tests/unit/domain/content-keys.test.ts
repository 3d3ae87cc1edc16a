import { describe, it, expect } from 'vitest';
import { keys, requiredKeys } from '../../../src/lib/domain/content-keys';
import { PackSchema } from '../../../src/lib/domain/content-schema';
import { validPack } from '../content/pack-fixture';

describe('content keys', () => {
	it('derives keys from ids', () => {
		expect(keys.competenceLevel('cook', 2)).toBe('competence.cook.level.2');
		expect(keys.followUpOption('club', 'captain', 'yes')).toBe('experience.club.followup.captain.option.yes');
		expect(keys.cardAnswer('q-bus', 'call')).toBe('card.q-bus.answer.call');
	});

	it('requires exactly the strings a hand-written complete pack has', () => {
		const pack = PackSchema.parse(validPack());
		const required = requiredKeys(pack).map((r) => r.key);
		expect(new Set(required).size).toBe(required.length);
		expect([...required].sort()).toEqual(Object.keys(validPack().strings.fr!).sort());
	});
});
