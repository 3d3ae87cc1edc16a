import * as z from 'zod/mini';
import { describe, expect, it, vi } from 'vitest';
import { lazySchema } from '../../../src/lib/domain/lazy-schema';
import { EvidenceRecordSchema, AnswerRecordSchema } from '../../../src/lib/domain/records';

const build = () => z.object({ id: z.string().check(z.minLength(1)), n: z._default(z.int(), 3) });

describe('lazySchema', () => {
	it('builds nothing until first used, then once', () => {
		const factory = vi.fn(build);
		const schema = lazySchema(factory);
		expect(factory).not.toHaveBeenCalled();
		expect(schema.parse({ id: 'a' })).toEqual({ id: 'a', n: 3 });
		expect(schema.safeParse({ id: '' }).success).toBe(false);
		expect(factory).toHaveBeenCalledTimes(1);
	});

	it('parses exactly like the schema it wraps, valid or not', () => {
		const eager = build();
		const lazy = lazySchema(build);
		for (const input of [{ id: 'x' }, { id: 'x', n: 7 }, { id: '' }, { n: 1 }, null, 'x', { id: 'x', n: 1.5 }]) {
			const a = eager.safeParse(input);
			const b = lazy.safeParse(input);
			expect(b.success).toBe(a.success);
			expect(b.data).toEqual(a.data);
			expect(b.error?.issues).toEqual(a.error?.issues);
		}
	});

	it('composes like the real schema: nested, omitted, extended, its shape read', () => {
		const lazy = lazySchema(build);
		expect(z.array(lazy).parse([{ id: 'a' }])).toEqual([{ id: 'a', n: 3 }]);
		expect(z.omit(lazy, { n: true }).parse({ id: 'a', n: 9 })).toEqual({ id: 'a' });
		expect(z.extend(lazy, { more: z.boolean() }).safeParse({ id: 'a' }).success).toBe(false);
		expect(Object.keys(lazy.shape)).toEqual(['id', 'n']);
		expect(lazy instanceof z.ZodMiniObject).toBe(true);
	});

	it('serves the stored records: an evidence record and an answer parse as before', () => {
		const blob = new Blob(['x'], { type: 'image/png' });
		const evidence = {
			id: 'e1',
			profileId: 'p',
			competence: 'c',
			kind: 'photo',
			mime: 'image/png',
			blob,
			bytes: 1,
			createdAt: 1
		};
		expect(EvidenceRecordSchema.parse(evidence)).toEqual({ ...evidence, hidden: false });
		expect(EvidenceRecordSchema.safeParse({ ...evidence, mime: 'text/html' }).success).toBe(false);
		const answer = {
			id: 'a',
			profileId: 'p',
			roundId: 'r',
			cardId: 'c',
			packId: 'k',
			at: 0,
			value: { kind: 'self', competence: 'c', level: 2 }
		};
		expect(AnswerRecordSchema.parse(answer)).toEqual(answer);
		expect(
			AnswerRecordSchema.safeParse({ ...answer, value: { kind: 'self', competence: 'c', level: 4 } }).success
		).toBe(false);
	});
});
