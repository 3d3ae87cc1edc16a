/**
 * Open Badges 3.0 export: one competence at one level becomes an OpenBadgeCredential
 * (W3C VC Data Model 2.0, JSON-LD) that a person can download and drop into a wallet
 * or a CV platform. It is UNSIGNED and SELF-ASSERTED: the issuer is the person
 * themself, so it claims nothing on behalf of Atouts or a structure. Pure: inject
 * `uuid` and `now` and the same input gives the same credential.
 */
import * as z from 'zod/mini';
import type { Competence } from '../domain/content-schema';
import { stripHiddenControls } from '../domain/text-safety';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const BADGE_MIME = 'application/ld+json';
export const NEUTRAL_HOLDER = 'Titulaire du portfolio Atouts';
/** A data: URI above this stays out of the file: badges get pasted into forms and mails. */
export const MAX_EMBEDDED_MEDIA_CHARS = 48_000;

const CLEA_URL = 'https://www.certificat-clea.fr/';
const SE_FRAMEWORK = 'France Travail — savoir-être professionnels';
const ROME_URL = 'https://www.francetravail.org/opendata/repertoire-operationnel-des-meti.html';

const CLEA_DOMAINS: Record<number, string> = {
	1: 'Communication en français',
	2: 'Utilisation des règles de base de calcul et du raisonnement mathématique',
	3: "Utilisation des techniques usuelles de l'information et de la communication numérique",
	4: "Aptitude à travailler dans le cadre de règles définies d'un travail en équipe",
	5: 'Aptitude à travailler en autonomie et à réaliser un objectif individuel',
	6: "Capacité d'apprendre à apprendre tout au long de la vie",
	7: "Maîtrise des gestes et postures, et respect des règles d'hygiène, de sécurité et environnementales élémentaires"
};
// Sub-domain labels, "|"-separated in order (1.1, 1.2, …). 4.x and 6.x are absent on
// purpose: not verified yet, so they fall back to the domain name rather than a guess.
const CLEA_SUBS: Record<number, string> = {
	1: "Écouter et comprendre|S'exprimer à l'oral|Lire|Écrire|Décrire – Formuler",
	2: "Se repérer dans l'univers des nombres|Résoudre un problème mettant en jeu une ou plusieurs opérations|Lire et calculer les unités de mesures, de temps et des quantités|Se repérer dans l'espace|Restituer oralement un raisonnement mathématique",
	3: "Connaître son environnement et les fonctions de base pour utiliser un ordinateur|Saisir et mettre en forme du texte – Gérer des documents|Se repérer dans l'environnement internet et effectuer une recherche sur le web|Utiliser la fonction de messagerie",
	5: "Comprendre son environnement de travail|Réaliser des objectifs individuels dans le cadre d'une action simple ou d'un projet|Prendre des initiatives et être force de proposition",
	7: "Respecter un règlement sécurité, hygiène, environnement, une procédure qualité|Avoir les bons gestes et réflexes afin d'éviter les risques|Être capable d'appliquer des gestes de premier secours|Contribuer à la préservation de l'environnement et aux économies d'énergie"
};
const cleaSub = (sub: string): string | undefined => {
	const [d, i] = sub.split('.').map(Number);
	return d && i ? CLEA_SUBS[d]?.split('|')[i - 1] : undefined;
};
/** Index = number used by content packs: France Travail's order of the 14 (0 unused). */
export const SAVOIR_ETRE: readonly string[] = (
	"|Capacité d'adaptation|Gestion du stress|Sens de l'organisation|Rigueur|Travail en équipe|Capacité à fédérer" +
	'|Force de proposition|Curiosité|Sens de la communication|Persévérance|Autonomie|Capacité de décision' +
	'|Prise de recul|Réactivité'
).split('|');

export interface EvidenceInput {
	name: string;
	description: string;
	narrative?: string;
	kind?: 'photo' | 'voice' | 'text';
	/** Only used with `embedMedia`, and only when small and a base64 image/audio URI. */
	dataUri?: string;
}
/** Extension point: a professional's word, kept as an UNSIGNED EndorsementCredential. */
export type EndorsementInput = { name: string; structure: string; date: number; comment: string };

export interface BadgeInput {
	competence: Competence;
	frenchTitle: string;
	frenchStatement: string;
	level: 1 | 2 | 3;
	at: number;
	holderName?: string;
	/** A stable urn:uuid for the person, so several badges share one issuer. */
	holderId?: string;
	evidence?: EvidenceInput[];
	endorsements?: EndorsementInput[];
	embedMedia?: boolean;
	now?: number;
	uuid?: () => string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type OpenBadgeCredential = { [key: string]: Json } & { id: string; credentialSubject: { [key: string]: Json } };

const uri = z.string().check(z.regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'must be a URI'));
const text = z.string().check(z.minLength(1));
const hasType = (t: string) => z.array(z.string()).check(z.refine((a) => a.includes(t), `type must include ${t}`));
const profile = z.object({ id: uri, type: hasType('Profile'), name: z.optional(text) });
const vcBase = {
	'@context': z.tuple([z.literal(VC_CONTEXT), z.literal(OB_CONTEXT)], z.string()),
	id: uri,
	name: text,
	issuer: profile,
	validFrom: z.iso.datetime()
};
export const AlignmentSchema = z.object({
	type: hasType('Alignment'),
	targetName: text,
	targetUrl: uri,
	targetCode: z.optional(text)
});
export const EndorsementCredentialSchema = z.object({
	...vcBase,
	type: z.tuple([z.literal('VerifiableCredential'), z.literal('EndorsementCredential')]),
	credentialSubject: z.object({ id: uri, type: hasType('EndorsementSubject'), endorsementComment: z.optional(text) })
});
export const OpenBadgeCredentialSchema = z.object({
	...vcBase,
	type: z.tuple([z.literal('VerifiableCredential'), z.literal('OpenBadgeCredential')]),
	credentialSubject: z.object({
		type: hasType('AchievementSubject'),
		achievement: z.object({
			id: uri,
			type: hasType('Achievement'),
			name: text,
			description: text,
			criteria: z.object({ narrative: text }),
			alignment: z.optional(z.array(AlignmentSchema))
		}),
		result: z.optional(z.array(z.object({ type: hasType('Result'), value: z.optional(text) })))
	}),
	evidence: z.optional(z.array(z.object({ type: hasType('Evidence'), id: z.optional(uri), name: z.optional(text) }))),
	endorsement: z.optional(z.array(EndorsementCredentialSchema))
});

/**
 * Free text leaves the device inside a file others will display, so bidi overrides
 * and isolates (U+202A–E, U+2066–9: they can make "gpj.exe" read as "exe.jpg") and
 * control characters are REMOVED rather than refused: a person who cannot read the
 * error should still get a badge. LRM/RLM stay, mixed-script names may need them.
 */
export function cleanText(value: string, max: number): string {
	const cleaned = stripHiddenControls(value.normalize('NFC')).replace(/\s+/g, ' ').trim();
	return Array.from(cleaned).slice(0, max).join('').trim();
}

const iso = (ms: number): string => {
	if (!Number.isFinite(ms)) throw new RangeError('date must be a finite timestamp');
	return new Date(ms).toISOString();
};
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_URI = /^data:(?:image|audio)\/[a-z0-9.+-]+;base64,[a-z0-9+/]+={0,2}$/i;

const align = (targetFramework: string, targetUrl: string, targetName: string, code?: string, about?: string) => ({
	type: ['Alignment'],
	targetName,
	targetUrl,
	targetFramework,
	targetType: 'ceasn:Competency',
	...(code ? { targetCode: code } : {}),
	...(about ? { targetDescription: about } : {})
});
export type Alignment = ReturnType<typeof align>;

/** CléA (sub-)domains, then savoir-être, then ROME labels: most to least formal. */
export function alignmentsFor(c: Competence): Alignment[] {
	const clea = c.clea.map(({ domain, sub }) => {
		const domainName = CLEA_DOMAINS[domain] ?? `Domaine ${domain}`;
		const subName = sub ? cleaSub(sub) : undefined;
		const about = subName ? `Domaine ${domain} : ${domainName}` : undefined;
		return align('CléA', CLEA_URL, subName ?? domainName, sub ?? String(domain), about);
	});
	// The pack schema bounds n to 1–14; the filter only guards stale data.
	const se = c.savoirEtre.filter((n) => SAVOIR_ETRE[n]);
	return [
		...clea,
		...se.map((n) => align(SE_FRAMEWORK, 'https://www.francetravail.fr/', SAVOIR_ETRE[n] ?? '', String(n))),
		...c.rome.map((r) => align('ROME 4.0', ROME_URL, cleanText(r.label, 120), r.code && cleanText(r.code, 20)))
	];
}

// Without a hosted copy, say where the proof lives so a reader knows to ask for it.
const KEPT: Partial<Record<string, string>> = {
	photo: 'La photo est gardée par la personne dans Atouts ; elle peut la montrer sur demande.',
	voice: "L'enregistrement est gardé par la personne dans Atouts ; elle peut le faire écouter sur demande."
};

function evidenceFor(e: EvidenceInput, embedMedia: boolean): { [key: string]: Json } {
	const embed =
		embedMedia && e.dataUri !== undefined && e.dataUri.length <= MAX_EMBEDDED_MEDIA_CHARS && DATA_URI.test(e.dataUri);
	const narrative =
		e.narrative !== undefined ? cleanText(e.narrative, 1000) : embed ? '' : (KEPT[e.kind ?? 'text'] ?? '');
	return {
		...(embed && e.dataUri ? { id: e.dataUri } : {}),
		type: ['Evidence'],
		name: cleanText(e.name, 120) || 'Preuve',
		description: cleanText(e.description, 400) || 'Preuve ajoutée par la personne.',
		...(narrative ? { narrative } : {}),
		...(e.kind === 'photo' ? { genre: 'Photographie' } : e.kind === 'voice' ? { genre: 'Enregistrement audio' } : {})
	};
}

function endorsementFor(e: EndorsementInput, subjectId: string, uuid: () => string): { [key: string]: Json } {
	const who = cleanText(e.name, 80),
		where = cleanText(e.structure, 120);
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: `urn:uuid:${uuid()}`,
		type: ['VerifiableCredential', 'EndorsementCredential'],
		name: `Appui de ${who || where || 'un·e professionnel·le'}`,
		issuer: {
			id: `urn:uuid:${uuid()}`,
			type: ['Profile'],
			name: who || where || 'Professionnel·le',
			...(where ? { parentOrg: { id: `urn:uuid:${uuid()}`, type: ['Profile'], name: where } } : {})
		},
		validFrom: iso(e.date),
		credentialSubject: {
			id: subjectId,
			type: ['EndorsementSubject'],
			endorsementComment: cleanText(e.comment, 1000) || '—'
		}
	};
}

export function competenceBadge(input: BadgeInput): OpenBadgeCredential {
	const uuid = input.uuid ?? (() => crypto.randomUUID());
	const level = input.level;
	if (level !== 1 && level !== 2 && level !== 3) throw new RangeError('level must be 1, 2 or 3');
	const credentialId = `urn:uuid:${uuid()}`;
	if (input.holderId !== undefined && !URN_UUID.test(input.holderId))
		throw new RangeError('holderId must be urn:uuid:…');
	const holderId = input.holderId?.toLowerCase() ?? `urn:uuid:${uuid()}`;
	const title = cleanText(input.frenchTitle, 160) || input.competence.id;
	const statement = cleanText(input.frenchStatement, 400) || title;
	const credential: OpenBadgeCredential = {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: credentialId,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: `${title} — niveau ${level} sur 3`,
		issuer: { id: holderId, type: ['Profile'], name: cleanText(input.holderName ?? '', 80) || NEUTRAL_HOLDER },
		validFrom: iso(input.at),
		awardedDate: iso(input.now ?? Date.now()),
		credentialSubject: {
			// Self-asserted: the subject is the issuer, said plainly by sharing one id.
			id: holderId,
			type: ['AchievementSubject'],
			achievement: {
				// Stable per competence and level so wallets can group the same badge.
				id: `urn:atouts:competence:${input.competence.id}:niveau-${level}`,
				type: ['Achievement'],
				achievementType: 'Competency',
				name: title,
				description: statement,
				criteria: {
					narrative:
						`Compétence déclarée par la personne elle-même dans l'application Atouts, par auto-positionnement ` +
						`et mises en situation en images. Niveau ${level} sur 3, selon les degrés de l'ANLCI : ` +
						`1 = avec de l'aide ou en imitant, 2 = seul·e, 3 = en s'adaptant et en expliquant aux autres. ` +
						`Badge non signé : aucun organisme ne l'a vérifié.`
				},
				alignment: alignmentsFor(input.competence),
				inLanguage: 'fr'
			},
			result: [{ type: ['Result'], value: `${level}/3` }]
		}
	};
	const embed = input.embedMedia === true;
	if (input.evidence?.length) credential.evidence = input.evidence.map((e) => evidenceFor(e, embed));
	if (input.endorsements?.length)
		credential.endorsement = input.endorsements.map((e) => endorsementFor(e, credentialId, uuid));
	return credential;
}

/**
 * The download. One badge is the credential itself (what wallets import); several go in
 * an unsigned VerifiablePresentation, the VC container, rather than a bare array.
 * `<`, `>`, `&` and U+2028/9 are written as \u escapes: the JSON means the same, but a
 * page that ever inlines it cannot be made to close a <script> tag.
 */
export function badgesFile(credentials: readonly OpenBadgeCredential[]): string {
	const body: Json =
		credentials.length === 1 && credentials[0]
			? credentials[0]
			: { '@context': [VC_CONTEXT], type: ['VerifiablePresentation'], verifiableCredential: [...credentials] };
	return JSON.stringify(body, null, '\t').replace(
		/[<>&\u2028\u2029]/g,
		(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
