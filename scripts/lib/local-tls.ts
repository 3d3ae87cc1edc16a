/**
 * A throwaway certificate for serving the build over HTTPS and HTTP/2 on 127.0.0.1, as a real
 * deployment is served (a service worker needs HTTPS, and every host worth using speaks HTTP/2).
 * The bench measures Lighthouse that way: over plain HTTP/1.1, Lighthouse's simulated slow 4G
 * queues the app's small files six at a time, which no phone meets in production.
 *
 * Chromium trusts it through `--ignore-certificate-errors-spki-list` (the certificate's public
 * key hash): a real trust decision for this key only, so the service worker and Lighthouse's
 * HTTPS checks behave as with a CA-signed certificate.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCertificate {
	/** A private temporary folder holding both files: remove it when done. */
	dir: string;
	keyFile: string;
	certFile: string;
	/** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, for Chromium's SPKI list. */
	spki: string;
}

export function localCertificate(): LocalCertificate {
	const dir = mkdtempSync(join(tmpdir(), 'atouts-tls-'));
	const keyFile = join(dir, 'key.pem');
	const certFile = join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
			'-keyout',
			keyFile,
			'-out',
			certFile
		],
		{ stdio: 'ignore' }
	);
	return { dir, keyFile, certFile, spki: spkiHash(readFileSync(certFile, 'utf8')) };
}

export function spkiHash(certPem: string): string {
	const spki = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
	return createHash('sha256').update(spki).digest('base64');
}

/** Chromium flag that trusts this certificate's key (and nothing else). */
export const trustFlag = (cert: LocalCertificate) => `--ignore-certificate-errors-spki-list=${cert.spki}`;
