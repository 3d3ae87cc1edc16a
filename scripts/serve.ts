/**
 * Serves build/ the way a plain static host or CDN would, so tests and `npm start` run the
 * real deployable output (vite preview would serve .svelte-kit/output, without the
 * precache manifest injected into the service worker).
 * /route → route.html, /dir/ → dir/index.html, unknown paths → 200.html (SPA fallback).
 * Usage: tsx scripts/serve.ts [--port 4173] [--dir build] [--cert cert.pem --key key.pem]
 * With a certificate it speaks HTTPS and HTTP/2 (HTTP/1.1 too), as a real host does: the bench
 * serves Lighthouse that way (scripts/lib/local-tls.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const ROOT = resolve(option('dir', 'build'));
const PORT = Number(option('port', '4173'));
const HOST = option('host', '127.0.0.1');
const CERT = option('cert', '');
const KEY = option('key', '');

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.mp3': 'audio/mpeg',
	'.ogg': 'audio/ogg',
	'.webm': 'audio/webm'
};

function fileFor(urlPath: string): string | undefined {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
	const candidates = [clean, `${clean}.html`, join(clean, 'index.html')];
	for (const candidate of candidates) {
		const full = join(ROOT, candidate);
		if (!full.startsWith(ROOT + sep) && full !== ROOT) return undefined; // path traversal
		if (existsSync(full) && statSync(full).isFile()) return full;
	}
	return undefined;
}

// Compressed like deploy/nginx.conf does (gzip on, same types, from 1 KiB), so that Lighthouse and
// the bench see the bytes a phone really downloads. Kept per file and mtime: builds change files.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();
function gzippedBody(file: string): Buffer | undefined {
	const { mtimeMs, size } = statSync(file);
	if (!COMPRESSIBLE.has(extname(file)) || size < 1024) return undefined;
	const cached = gzipped.get(file);
	if (cached?.mtimeMs === mtimeMs) return cached.body;
	const body = gzipSync(readFileSync(file), { level: 6 });
	gzipped.set(file, { mtimeMs, body });
	return body;
}

if (!existsSync(join(ROOT, '200.html'))) {
	console.error(`No build in ${ROOT}: run "npm run build" first.`);
	process.exit(1);
}

function respond(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void {
	let file: string | undefined;
	try {
		// The request target is a path: put after the origin, not resolved against it, so "//x" stays
		// a path (resolved, it named a host "x", and a request for "//" threw and stopped the server).
		file = fileFor(new URL(`http://${HOST}${req.url ?? '/'}`).pathname);
	} catch {
		res.writeHead(400).end();
		return;
	}
	file ??= join(ROOT, '200.html'); // unknown routes get the SPA shell, like a static host's fallback
	const immutable = file.includes(`${sep}_app${sep}immutable${sep}`);
	const headers: Record<string, string> = {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		'x-content-type-options': 'nosniff',
		vary: 'Accept-Encoding'
	};
	let body: Buffer | undefined;
	try {
		body = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? gzippedBody(file) : undefined;
	} catch {
		return void res.writeHead(404).end(); // removed by a rebuild since the lookup
	}
	if (body) return void res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(body);
	res.writeHead(200, headers);
	// A rebuild can remove a file between the lookup and the read: answer, never crash.
	createReadStream(file)
		.on('error', () => res.destroy())
		.pipe(res);
}

const server =
	CERT && KEY
		? createSecureServer({ cert: readFileSync(CERT), key: readFileSync(KEY), allowHTTP1: true }, respond)
		: createServer(respond);
const scheme = CERT && KEY ? 'https' : 'http';
server.listen(PORT, HOST, () => console.log(`Atouts is served from ${ROOT} on ${scheme}://${HOST}:${PORT}`));
