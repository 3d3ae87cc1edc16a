/**
 * A small but complete pack: 2 domains, 3 competences, 1 experience with a follow-up,
 * a self card and a situational card, with every string in French and English.
 * The strings are written out by hand (not derived with content-keys) so the tests also
 * check the key scheme. `validPack()` returns a fresh copy each time; tests mutate it.
 */
export const PICTOS = {
	talk: 'fluent-emoji-flat:speaking-head',
	numbers: 'fluent-emoji-flat:abacus',
	phone: 'fluent-emoji-flat:telephone-receiver',
	ear: 'fluent-emoji-flat:ear',
	coin: 'fluent-emoji-flat:coin',
	shop: 'fluent-emoji-flat:convenience-store',
	till: 'fluent-emoji-flat:money-bag',
	yes: 'fluent-emoji-flat:check-mark-button',
	no: 'fluent-emoji-flat:cross-mark-button',
	question: 'fluent-emoji-flat:red-question-mark'
} as const;

export const KNOWN_PICTOGRAMS: ReadonlySet<string> = new Set(Object.values(PICTOS));

export interface FixturePack {
	format: string;
	meta: Record<string, unknown>;
	domains: Record<string, unknown>[];
	competences: Record<string, unknown>[];
	experiences: Record<string, unknown>[];
	cards: Record<string, unknown>[];
	strings: Record<string, Record<string, string>>;
}

export function validPack(): FixturePack {
	return {
		format: 'atouts-pack/1',
		meta: {
			id: 'test-pack',
			version: '1.2.3',
			licence: 'CC-BY-SA-4.0',
			author: 'Atouts tests',
			sourceLanguage: 'fr'
		},
		domains: [
			{ id: 'talk', pictogram: PICTOS.talk },
			{ id: 'numbers', pictogram: PICTOS.numbers }
		],
		competences: [
			{
				id: 'phone-call',
				pictogram: PICTOS.phone,
				domain: 'talk',
				clea: [{ domain: 1, sub: '1.2' }],
				savoirEtre: [9],
				rome: [{ label: 'Communiquer au téléphone' }]
			},
			{ id: 'listen', pictogram: PICTOS.ear, domain: 'talk' },
			{ id: 'count-money', pictogram: PICTOS.coin, domain: 'numbers', clea: [{ domain: 2 }] }
		],
		experiences: [
			{
				id: 'shop-job',
				pictogram: PICTOS.shop,
				suggests: ['listen', 'count-money'],
				followUps: [
					{
						id: 'till',
						pictogram: PICTOS.till,
						options: [
							{ id: 'yes', pictogram: PICTOS.yes, suggests: ['count-money'] },
							{ id: 'no', pictogram: PICTOS.no, suggests: [] }
						]
					}
				]
			}
		],
		cards: [
			{ id: 's-phone-call', kind: 'self', competence: 'phone-call', pictogram: PICTOS.phone },
			{
				id: 'q-change',
				kind: 'situation',
				pictogram: PICTOS.question,
				answers: [
					{ id: 'count', pictogram: PICTOS.coin, weights: { 'count-money': 2 } },
					{ id: 'ask', pictogram: PICTOS.ear, weights: { listen: 1, 'count-money': 1 } }
				]
			}
		],
		strings: {
			fr: {
				'pack.title': 'Pack de test',
				'pack.description': 'Un petit pack pour les tests.',
				'domain.talk.title': 'Parler',
				'domain.numbers.title': 'Compter',
				'competence.phone-call.title': 'Téléphoner',
				'competence.phone-call.statement': 'Je passe un appel.',
				'competence.phone-call.level.1': 'Avec de l’aide.',
				'competence.phone-call.level.2': 'Seul.',
				'competence.phone-call.level.3': 'Je peux l’expliquer.',
				'competence.listen.title': 'Écouter',
				'competence.listen.statement': 'J’écoute les autres.',
				'competence.listen.level.1': 'Avec de l’aide.',
				'competence.listen.level.2': 'Seul.',
				'competence.listen.level.3': 'Je peux l’expliquer.',
				'competence.count-money.title': 'Compter l’argent',
				'competence.count-money.statement': 'Je rends la monnaie.',
				'competence.count-money.level.1': 'Avec de l’aide.',
				'competence.count-money.level.2': 'Seul.',
				'competence.count-money.level.3': 'Je peux l’expliquer.',
				'experience.shop-job.title': 'J’ai travaillé dans un magasin.',
				'experience.shop-job.followup.till.question': 'Tu tenais la caisse ?',
				'experience.shop-job.followup.till.option.yes': 'Oui',
				'experience.shop-job.followup.till.option.no': 'Non',
				'card.s-phone-call.prompt': 'Tu appelles un médecin.',
				'card.q-change.prompt': 'Un client te donne trop d’argent.',
				'card.q-change.answer.count': 'Je compte et je rends.',
				'card.q-change.answer.ask': 'Je demande à un collègue.'
			},
			en: {
				'pack.title': 'Test pack',
				'pack.description': 'A small pack for tests.',
				'domain.talk.title': 'Talking',
				'domain.numbers.title': 'Numbers',
				'competence.phone-call.title': 'Phoning',
				'competence.phone-call.statement': 'I make a call.',
				'competence.phone-call.level.1': 'With help.',
				'competence.phone-call.level.2': 'Alone.',
				'competence.phone-call.level.3': 'I can explain it.',
				'competence.listen.title': 'Listening',
				'competence.listen.statement': 'I listen to others.',
				'competence.listen.level.1': 'With help.',
				'competence.listen.level.2': 'Alone.',
				'competence.listen.level.3': 'I can explain it.',
				'competence.count-money.title': 'Counting money',
				'competence.count-money.statement': 'I give change.',
				'competence.count-money.level.1': 'With help.',
				'competence.count-money.level.2': 'Alone.',
				'competence.count-money.level.3': 'I can explain it.',
				'experience.shop-job.title': 'I worked in a shop.',
				'experience.shop-job.followup.till.question': 'Did you work the till?',
				'experience.shop-job.followup.till.option.yes': 'Yes',
				'experience.shop-job.followup.till.option.no': 'No',
				'card.s-phone-call.prompt': 'You call a doctor.',
				'card.q-change.prompt': 'A customer gives you too much money.',
				'card.q-change.answer.count': 'I count and give it back.',
				'card.q-change.answer.ask': 'I ask a colleague.'
			}
		}
	};
}

/** The situational card of the fixture, typed loosely for mutation. */
export function situationCardOf(pack: FixturePack) {
	return pack.cards[1] as { answers: { id: string; pictogram: string; weights: Record<string, unknown> }[] } & Record<
		string,
		unknown
	>;
}
