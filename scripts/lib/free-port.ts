import { createServer, type AddressInfo } from 'node:net';

/** A port nobody listens on now (the e2e tests' server often holds 4173 while the bench runs). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}
