/** Runs `read` in an effect, as a component's text would, and counts its runs. */
export function watch(read: () => string): { runs: () => number; last: () => string; stop: () => void } {
	let runs = 0;
	let last = '';
	const stop = $effect.root(() => {
		$effect(() => {
			last = read();
			runs++;
		});
	});
	return { runs: () => runs, last: () => last, stop };
}
