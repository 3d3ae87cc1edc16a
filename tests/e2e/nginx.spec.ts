/**
 * deploy/nginx.conf, for real: starts the Debian nginx on loopback with that file (paths pointed at
 * this checkout), checks every security and caching header, and runs the offline flow and the
 * fallback voice (WebAssembly in a worker, under the header CSP) through it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { installSoundProbe, waitForHeardSound } from './sound-probe';
import { waitForApp, waitForServiceWorker } from './helpers';

const PORT = 4186;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => spawnSync(p, ['-v']).status === 0);
let nginx: ChildProcess | undefined;
let dir = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx): .ci/run installs it');
	dir = mkdtempSync(join(tmpdir(), 'atouts-nginx-'));
	const site = readFileSync('deploy/nginx.conf', 'utf8')
		.replaceAll('/srv/atouts', resolve('.'))
		.replace(/listen 8080;/, `listen 127.0.0.1:${PORT};`)
		.replace(/\n\s*listen \[::\]:8080;/, '');
	writeFileSync(join(dir, 'site.conf'), site);
	writeFileSync(
		join(dir, 'nginx.conf'),
		`user ${userInfo().username};
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	include ${dir}/site.conf;
}
`
	);
	const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
	expect(check.status, `nginx -t: ${check.stderr}`).toBe(0);
	nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
	for (let i = 0; i < 50; i++) {
		const up = await fetch(`${ORIGIN}/`).then(
			() => true,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
});

test.afterAll(() => {
	nginx?.kill('SIGQUIT');
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function headersOf(path: string) {
	const response = await fetch(`${ORIGIN}${path}`, { headers: { 'accept-encoding': 'gzip' } });
	await response.arrayBuffer();
	return { status: response.status, headers: response.headers };
}

test('every response carries the security headers', { tag: '@phone-only' }, async () => {
	const page = readFileSync('build/index.html', 'utf8');
	const script =
		/src="(\/_app\/immutable\/[^"]+\.js)"/.exec(page)?.[1] ?? /\/_app\/immutable\/[^"]+\.js/.exec(page)?.[0];
	expect(script, 'an immutable script in index.html').toBeTruthy();
	for (const path of [
		'/',
		'/quiz',
		'/service-worker.js',
		'/manifest.webmanifest',
		script!,
		'/voice-fallback/manifest.json'
	]) {
		const { status, headers } = await headersOf(path);
		expect(status, path).toBe(200);
		const csp = headers.get('content-security-policy') ?? '';
		expect(csp, path).toContain("default-src 'self'");
		expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
		expect(csp, path).not.toMatch(/'unsafe-inline'[^;]*;.*script|script-src[^;]*'unsafe-(inline|eval)'/);
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(headers.get('x-content-type-options'), path).toBe('nosniff');
		expect(headers.get('referrer-policy'), path).toBe('no-referrer');
		expect(headers.get('x-frame-options'), path).toBe('DENY');
		expect(headers.get('permissions-policy'), path).toContain('microphone=(self)');
	}
	// Every inline script of every page is allowed by the header's hashes.
	const header = (await headersOf('/')).headers.get('content-security-policy')!;
	for (const hash of page.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? []) expect(header).toContain(hash);
});

test('caching: immutable assets forever, the app shell and worker never stale', { tag: '@phone-only' }, async () => {
	const page = readFileSync('build/index.html', 'utf8');
	const script = /\/_app\/immutable\/[^"]+\.js/.exec(page)![0];
	expect((await headersOf(script)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	expect((await headersOf('/service-worker.js')).headers.get('cache-control')).toContain('no-store');
	for (const path of ['/', '/portfolio', '/manifest.webmanifest', '/voice-fallback/manifest.json'])
		expect((await headersOf(path)).headers.get('cache-control'), path).toBe('no-cache');
	expect((await headersOf('/.csp.conf')).status, 'build files are not served').toBe(403);
	expect((await headersOf('/no/such/page')).status, 'deep links get the app shell').toBe(200);
	const largest = readdirSync('build/_app/immutable/chunks')
		.map((name) => ({ name, size: statSync(`build/_app/immutable/chunks/${name}`).size }))
		.sort((a, b) => b.size - a.size)[0]!;
	const gz = await fetch(`${ORIGIN}/_app/immutable/chunks/${largest.name}`, { headers: { 'accept-encoding': 'gzip' } });
	expect(gz.headers.get('content-encoding')).toBe('gzip');
	expect(gz.headers.get('content-type')).toContain('javascript');
});

test(
	'offline after the first visit, and the fallback voice speaks, through nginx',
	{ tag: '@phone-only' },
	async ({ page, context }) => {
		const violations: string[] = [];
		await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
		await page.addInitScript(() =>
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
					`${e.violatedDirective} ${e.blockedURI}`
				)
			)
		);
		await page.addInitScript(installSoundProbe);
		await page.goto(`${ORIGIN}/`);
		await waitForApp(page);
		await page.getByTestId('language-en').click();
		await waitForHeardSound(page, 'samples');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		await page.reload();
		await waitForApp(page);
		await expect(page.getByTestId('tile-experiences')).toBeVisible();
		await page.goto(`${ORIGIN}/portfolio`);
		await waitForApp(page);
		expect(violations).toEqual([]);
	}
);
