import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/free-port';
import { localCertificate, trustFlag, type LocalCertificate } from '../../../scripts/lib/local-tls';

/** GET over HTTP/2, trusting only this certificate. */
function get(port: number, path: string, cert: LocalCertificate) {
	return new Promise<{ status: number; protocol: string; body: string }>((resolve, reject) => {
		const session = connect(`https://127.0.0.1:${port}`, { ca: readFileSync(cert.certFile) });
		session.on('error', reject);
		const request = session.request({ ':path': path });
		let status = 0;
		let body = '';
		request.on('response', (headers) => (status = Number(headers[':status'])));
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (body += chunk));
		request.on('end', () => {
			resolve({ status, protocol: session.alpnProtocol ?? '', body });
			session.close();
		});
		request.on('error', reject);
	});
}

describe('the bench serves the build over HTTPS and HTTP/2 (scripts/lib/local-tls.ts, serve.ts)', () => {
	let cert: LocalCertificate;
	let dir: string;
	let server: ChildProcess;
	let port: number;

	beforeAll(async () => {
		cert = localCertificate();
		dir = mkdtempSync(join(tmpdir(), 'atouts-serve-'));
		writeFileSync(join(dir, '200.html'), '<!doctype html><title>shell</title>');
		writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
		port = await freePort();
		server = spawn(
			process.execPath,
			['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--dir', dir, '--cert', cert.certFile, '--key', cert.keyFile],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('https://') && resolve()));
	});

	afterAll(() => {
		server?.kill();
		rmSync(dir, { recursive: true, force: true });
		rmSync(cert.dir, { recursive: true, force: true });
	});

	it('answers over HTTP/2 with a certificate for 127.0.0.1, and falls back to the SPA shell', async () => {
		const home = await get(port, '/', cert);
		expect(home).toMatchObject({ status: 200, protocol: 'h2' });
		expect(home.body).toContain('<title>home</title>');
		expect((await get(port, '/no/such/route', cert)).body).toContain('<title>shell</title>');
	});

	it('answers odd request paths without stopping: "//" is the home, bad escapes are refused', async () => {
		expect(await get(port, '//', cert)).toMatchObject({ status: 200, body: expect.stringContaining('<title>home</title>') });
		expect((await get(port, '//index.html?x=1', cert)).status).toBe(200);
		expect((await get(port, '/%E0%A4%A', cert)).status).toBe(400);
		expect((await get(port, '/../../etc/passwd', cert)).body).toContain('<title>shell</title>'); // never outside the build
		expect((await get(port, '/', cert)).status).toBe(200); // still serving
	});

	it("names the certificate's key for Chromium as openssl does", () => {
		const fromOpenssl = execFileSync('sh', [
			'-c',
			`openssl x509 -in ${cert.certFile} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`
		])
			.toString()
			.trim();
		expect(cert.spki).toBe(fromOpenssl);
		expect(trustFlag(cert)).toBe(`--ignore-certificate-errors-spki-list=${fromOpenssl}`);
	});
});
