/**
 * Where is a Chromium we can drive? Playwright cannot download its own browsers here, and
 * Lighthouse needs a real Chrome too, so both use the distribution's Chromium.
 *
 * Order: $CHROME_PATH (if the file exists; otherwise a warning), then /usr/bin/chromium, then — only as root on
 * Debian, where installing is safe and expected (CI containers) — `apt-get install chromium`.
 * Anything else gets an error that says what to install.
 *
 * `npx tsx scripts/find-chrome.ts` prints the path (installing first if needed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that let headless Chromium run in a container without GPU, sandbox or network chatter. */
export const CHROME_FLAGS = [
	'--no-sandbox',
	'--headless',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

function aptListsAreEmpty(): boolean {
	// `apt-get update` is slow and needs the network; skip it when package lists are already present.
	const lists = '/var/lib/apt/lists';
	try {
		return !readdirSync(lists).some((name) => name.endsWith('_Packages') || name.endsWith('_Packages.lz4'));
	} catch {
		return true;
	}
}

function apt(args: string[]): void {
	execFileSync('apt-get', args, {
		// stdout of the install goes to stderr so that `find-chrome.ts` still prints only the path on stdout.
		stdio: ['ignore', process.stderr, process.stderr],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
}

function installChromium(): void {
	console.error('find-chrome: Chromium is missing; installing it with apt-get (root on Debian)…');
	if (aptListsAreEmpty()) apt(['update']);
	try {
		apt(['install', '-y', 'chromium']);
	} catch {
		// Stale package lists are the usual cause of a failed install: refresh once and retry.
		apt(['update']);
		apt(['install', '-y', 'chromium']);
	}
}

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

export function findChrome(): string {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		if (isFile(fromEnv)) return fromEnv;
		// A stale CHROME_PATH should not break the run when a usable browser exists, but it deserves a word.
		console.error(`find-chrome: CHROME_PATH="${fromEnv}" does not exist; looking elsewhere.`);
	}
	if (isFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/etc/debian_version')) {
		installChromium();
		if (isFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
		throw new Error(`apt-get install chromium finished but ${DEBIAN_CHROMIUM} is still missing.`);
	}
	throw new Error(
		'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
			'or set CHROME_PATH to a Chrome/Chromium executable.'
	);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		console.log(findChrome());
	} catch (error) {
		console.error(`find-chrome: ${(error as Error).message}`);
		process.exit(1);
	}
}
