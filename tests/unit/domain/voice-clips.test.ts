import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fr from '../../../src/lib/i18n/locales/fr.json';
import { requiredKeys } from '../../../src/lib/domain/content-keys';
import { loadShippedPacks } from '../../../src/lib/content/shipped-packs';
import {
	ClipRecordSchema,
	MAX_CLIP_BYTES,
	clipBytesMatch,
	clipType,
	isAudioKey,
	isBlob,
	normaliseClipMime,
	sniffClipType
} from '../../../src/lib/domain/voice-clips';
import { audio, clip } from '../../fixtures/hostile/voice-packs/voice-pack-fixtures';

const uiKeys = (tree: object, prefix = 'ui'): string[] =>
	Object.entries(tree).flatMap(([name, value]) =>
		typeof value === 'object' && value !== null ? uiKeys(value, `${prefix}.${name}`) : [`${prefix}.${name}`]
	);

describe('audio keys', () => {
	it('every content key of the shipped packs and every UI key is one', async () => {
		const keys = [...(await loadShippedPacks()).flatMap((pack) => requiredKeys(pack).map((r) => r.key)), ...uiKeys(fr)];
		expect(keys.length).toBeGreaterThan(500);
		expect(keys.filter((key) => !isAudioKey(key))).toEqual([]);
	});

	it.each([
		'competence.cook.title',
		'card.q-bus.answer.call',
		'experience.club.followup.captain.option.yes',
		'ui.action.listen',
		'ui.quiz.count_one',
		'a',
		'x'.repeat(160)
	])('accepts %s', (key) => expect(isAudioKey(key)).toBe(true));

	it.each([
		'',
		'x'.repeat(161),
		'card..q-bus',
		'.card',
		'card.',
		'card/q-bus',
		'card\\q-bus',
		'../etc',
		'card q',
		'carte.é',
		'card.q\u202e',
		'card.q\n'
	])('refuses %j', (key) => expect(isAudioKey(key)).toBe(false));

	it('refuses what is not a string', () => {
		for (const value of [null, undefined, 7, ['a'], { key: 'a' }]) expect(isAudioKey(value)).toBe(false);
	});
});

describe('clip MIME types', () => {
	it.each([
		['audio/webm', 'audio/webm'],
		['audio/webm;codecs=opus', 'audio/webm;codecs=opus'],
		['Audio/WebM; Codecs="Opus"', 'audio/webm;codecs=opus'],
		['audio/ogg; codecs=opus; rate=48000', 'audio/ogg;codecs=opus'],
		['audio/mp4;codecs="mp4a.40.2"', 'audio/mp4;codecs=mp4a.40.2'],
		['audio/aac', 'audio/aac'],
		['audio/mpeg', 'audio/mpeg'],
		[' audio/wav ', 'audio/wav']
	])('%j → %j', (mime, normal) => expect(normaliseClipMime(mime)).toBe(normal));

	it.each([
		'',
		'audio',
		'audio/x-wav',
		'video/webm',
		'text/html',
		'image/svg+xml',
		'audio/webm;codecs=<b>',
		'audio/webm;codecs',
		'audio/webm;codecs=öpus',
		`audio/webm;codecs=${'a'.repeat(200)}`
	])('refuses %j', (mime) => expect(normaliseClipMime(mime)).toBeNull());

	it('gives the base type', () => {
		expect(clipType('audio/ogg;codecs=opus')).toBe('audio/ogg');
		expect(clipType('audio/flac')).toBeNull();
		expect(clipType(42)).toBeNull();
	});
});

describe('sniffing', () => {
	it.each([
		['webm', audio.webm(), 'audio/webm'],
		['ogg', audio.ogg(), 'audio/ogg'],
		['mp4', audio.mp4(), 'audio/mp4'],
		['wav', audio.wav(), 'audio/wav'],
		['mp3 with ID3', audio.mp3(), 'audio/mpeg'],
		['mp3 frame', audio.mp3Frame(), 'audio/mpeg'],
		['aac ADTS', audio.aac(), 'audio/aac'],
		['aac ADTS, MPEG-2', Uint8Array.from([0xff, 0xf9, 0x50, 0x80]), 'audio/aac'],
		['frame sync with a reserved layer', Uint8Array.from([0xff, 0xe1, 0x00, 0x00]), null],
		['png', audio.png(), null],
		['RIFF but WebP', Uint8Array.from([...'RIFF\0\0\0\0WEBP'].map((c) => c.charCodeAt(0))), null],
		['empty', new Uint8Array(), null],
		['one byte', Uint8Array.of(0xff), null]
	])('%s', (_, bytes, type) => expect(sniffClipType(bytes)).toBe(type));

	it('matches bytes to labels', () => {
		expect(clipBytesMatch('audio/webm;codecs=opus', audio.webm())).toBe(true);
		expect(clipBytesMatch('audio/aac', audio.mp4())).toBe(true); // AAC in an MP4 box
		expect(clipBytesMatch('audio/mp4', audio.aac())).toBe(false);
		expect(clipBytesMatch('audio/mpeg', audio.aac())).toBe(false);
		expect(clipBytesMatch('audio/aac', audio.mp3Frame())).toBe(false);
		expect(clipBytesMatch('audio/ogg', audio.webm())).toBe(false);
		expect(clipBytesMatch('text/plain', audio.webm())).toBe(false);
	});

	it('never throws on any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), fc.string(), (bytes, mime) => {
				expect([null, 'audio/webm', 'audio/ogg', 'audio/mp4', 'audio/aac', 'audio/mpeg', 'audio/wav']).toContain(
					sniffClipType(bytes)
				);
				expect(typeof clipBytesMatch(mime, bytes)).toBe('boolean');
			})
		);
	});
});

describe('ClipRecordSchema', () => {
	it('accepts a recording', () => {
		expect(ClipRecordSchema.safeParse(clip('ui.action.listen', 'audio/webm;codecs=opus', audio.webm())).success).toBe(
			true
		);
	});

	it.each([
		['bytes not the Blob size', { bytes: 5 }],
		['a MIME type not normalised', { mime: 'audio/webm; codecs=opus' }],
		['a bad key', { key: 'a/b' }],
		['not a Blob', { blob: 'bytes' }],
		['over the size limit', { bytes: MAX_CLIP_BYTES + 1 }],
		['a date that is not ISO', { recordedAt: '28/11/2026' }],
		['a negative duration', { durationMs: -1 }],
		['a language that is not a tag', { lang: 'français' }]
	])('refuses %s', (_, change) => {
		const record = { ...clip('ui.action.listen', 'audio/webm', audio.webm()), ...change };
		expect(ClipRecordSchema.safeParse(record).success).toBe(false);
	});

	it('knows a Blob from another realm', () => {
		const foreign = { size: 3, type: '', [Symbol.toStringTag]: 'Blob' };
		expect(isBlob(foreign)).toBe(true);
		expect(isBlob(new Blob(['abc']))).toBe(true);
		expect(isBlob({ size: 3 })).toBe(false);
		expect(isBlob(null)).toBe(false);
	});
});
