import { describe, it, expect } from 'vitest';
import fr from '../../../src/lib/i18n/locales/fr.json';
import en from '../../../src/lib/i18n/locales/en.json';
import ar from '../../../src/lib/i18n/locales/ar.json';
import uk from '../../../src/lib/i18n/locales/uk.json';
import { loadShippedStrings } from '../../../src/lib/content/shipped-packs';
import {
	STUDIO_SECTIONS,
	flattenUiTexts,
	sectionOf,
	studioEntries,
	type StudioSection
} from '../../../src/lib/domain/studio-keys';
import { isAudioKey } from '../../../src/lib/domain/voice-clips';

describe('sectionOf', () => {
	it.each<[string, StudioSection]>([
		['ui.action.listen', 'interface'],
		['experience.shop-job.title', 'themes'],
		['experience.shop-job.followup.till.option.yes', 'themes'],
		['card.q-bus.prompt', 'cards'],
		['card.q-bus.answer.call', 'cards'],
		['competence.cook.title', 'competences'],
		['competence.cook.level.2', 'competences'],
		['domain.talk.title', 'competences'],
		['pack.title', 'other'],
		['pack.description', 'other']
	])('%s is in %s', (key, section) => expect(sectionOf(key)).toBe(section));

	it('looks at the whole first word, not at a prefix of it', () => {
		expect(sectionOf('uix.action')).toBe('other');
		expect(sectionOf('cards.x')).toBe('other');
		expect(sectionOf('competences.x')).toBe('other');
		expect(sectionOf('domains.x')).toBe('other');
		expect(sectionOf('experiences.x')).toBe('other');
		expect(sectionOf('ui')).toBe('other');
	});

	it('puts every section in the studio order exactly once', () => {
		expect([...STUDIO_SECTIONS].sort()).toEqual(['cards', 'competences', 'interface', 'other', 'themes']);
	});
});

describe('flattenUiTexts', () => {
	it('turns the nested tree into ui.<path> keys, in the order written', () => {
		const tree = { app: { name: 'Atouts' }, nav: { home: 'Accueil', deep: { er: 'Plus bas' } }, top: 'Haut' };
		const flat = flattenUiTexts(tree);
		expect(flat).toEqual({
			'ui.app.name': 'Atouts',
			'ui.nav.home': 'Accueil',
			'ui.nav.deep.er': 'Plus bas',
			'ui.top': 'Haut'
		});
		expect(Object.keys(flat)).toEqual(['ui.app.name', 'ui.nav.home', 'ui.nav.deep.er', 'ui.top']);
	});

	it('leaves out texts that take values and texts that are empty', () => {
		const tree = {
			action: {
				listen: 'Écouter',
				listenTo: 'Écouter : {{label}}',
				count: '{{count}} cartes',
				blank: '   ',
				empty: ''
			},
			braces: 'Un {seul} signe',
			quiz: { count_one: '{{count}} carte', count_other: 'Des cartes' }
		};
		expect(flattenUiTexts(tree)).toEqual({
			'ui.action.listen': 'Écouter',
			'ui.braces': 'Un {seul} signe',
			'ui.quiz.count_other': 'Des cartes'
		});
	});

	it('keeps the text exactly as written (no trimming)', () => {
		expect(flattenUiTexts({ a: ' Bonjour ' })).toEqual({ 'ui.a': ' Bonjour ' });
	});

	it('takes another prefix, and ignores what is not text', () => {
		expect(flattenUiTexts({ a: 'A', n: 3, b: true, z: null }, 'x')).toEqual({ 'x.a': 'A' });
		for (const tree of [null, undefined, 'texte', 42]) expect(flattenUiTexts(tree)).toEqual({});
		expect(flattenUiTexts({})).toEqual({});
	});
});

describe('studioEntries', () => {
	it('orders by studio section, then in the order the texts came (tables in turn)', () => {
		const pack = {
			'pack.title': 'Pack',
			'competence.cook.title': 'Cuisiner',
			'card.s-cook.prompt': 'Tu cuisines ?',
			'experience.home.title': 'À la maison',
			'domain.daily.title': 'Tous les jours',
			'card.q-bus.prompt': 'Le bus ?'
		};
		const ui = { 'ui.home.intro': 'Bienvenue', 'ui.action.listen': 'Écouter' };
		const more = { 'experience.club.title': 'Au club', 'zz.note': 'Note' };
		expect(studioEntries(pack, ui, more)).toEqual([
			{ key: 'experience.home.title', text: 'À la maison', section: 'themes' },
			{ key: 'experience.club.title', text: 'Au club', section: 'themes' },
			{ key: 'card.s-cook.prompt', text: 'Tu cuisines ?', section: 'cards' },
			{ key: 'card.q-bus.prompt', text: 'Le bus ?', section: 'cards' },
			{ key: 'competence.cook.title', text: 'Cuisiner', section: 'competences' },
			{ key: 'domain.daily.title', text: 'Tous les jours', section: 'competences' },
			{ key: 'ui.home.intro', text: 'Bienvenue', section: 'interface' },
			{ key: 'ui.action.listen', text: 'Écouter', section: 'interface' },
			{ key: 'pack.title', text: 'Pack', section: 'other' },
			{ key: 'zz.note', text: 'Note', section: 'other' }
		]);
	});

	it('is stable for many entries of one section (the original order is kept)', () => {
		const keys = Array.from({ length: 200 }, (_, i) => `card.c${(i * 7919) % 200}.prompt`);
		const table = Object.fromEntries(keys.map((key) => [key, key]));
		expect(studioEntries(table).map((e) => e.key)).toEqual(keys);
	});

	it('leaves out blank texts', () => {
		expect(studioEntries({ 'card.a.prompt': ' ', 'card.b.prompt': '', 'card.c.prompt': 'C' })).toEqual([
			{ key: 'card.c.prompt', text: 'C', section: 'cards' }
		]);
		expect(studioEntries()).toEqual([]);
	});
});

describe('studio entries of the shipped content', () => {
	const locales = { fr, en, ar, uk } as const;

	it.each(Object.keys(locales) as (keyof typeof locales)[])(
		'%s: every key is an audio key, none twice, every text recordable',
		async (lang) => {
			const packTexts = await loadShippedStrings(lang);
			const uiTexts = flattenUiTexts(locales[lang]);
			const entries = studioEntries(packTexts, uiTexts);
			const keys = entries.map((e) => e.key);

			expect(keys.filter((key) => !isAudioKey(key))).toEqual([]);
			expect(keys.length).toBe(new Set(keys).size);
			for (const entry of entries) {
				expect(entry.text.trim(), entry.key).not.toBe('');
				expect(entry.text, entry.key).not.toContain('{{');
			}
			// Nothing is lost: every non-blank pack text and every recordable UI text is there.
			const expected = [...Object.entries(packTexts), ...Object.entries(uiTexts)].filter(([, t]) => t.trim());
			expect(new Set(keys)).toEqual(new Set(expected.map(([key]) => key)));
			// Sections follow the studio order.
			const ranks = entries.map((e) => STUDIO_SECTIONS.indexOf(e.section));
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
	);

	it('fr: the real texts land in every section, with texts that take values left out', async () => {
		const packTexts = await loadShippedStrings('fr');
		expect(Object.keys(packTexts).length).toBeGreaterThan(500);
		const entries = studioEntries(packTexts, flattenUiTexts(fr));
		for (const section of STUDIO_SECTIONS)
			expect(entries.filter((e) => e.section === section).length, section).toBeGreaterThan(0);
		expect(entries.find((e) => e.key === 'ui.action.listen')?.text).toBe(fr.action.listen);
		expect(fr.action.listenTo).toContain('{{');
		expect(entries.some((e) => e.key === 'ui.action.listenTo')).toBe(false);
		expect(entries.find((e) => e.key === 'pack.title')).toMatchObject({
			section: 'other',
			text: packTexts['pack.title']
		});
	});
});
