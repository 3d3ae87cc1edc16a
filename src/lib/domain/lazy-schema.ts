/**
 * A schema built the first time it is used. The storage modules load at start-up, and building
 * every record schema there (zod's constructors, not yet optimised by the engine) lengthened the
 * start's longest task on a budget phone, for schemas most screens never read. The proxy
 * forwards everything, so a lazy schema parses, composes (z.array, z.omit, .shape) and is typed
 * exactly like the one it wraps; tests/unit/domain/lazy-schema.test.ts holds it to that.
 */
export function lazySchema<T extends object>(build: () => T): T {
	let schema: T | undefined;
	const real = () => (schema ??= build());
	return new Proxy({} as T, {
		get: (_, key) => Reflect.get(real(), key),
		has: (_, key) => Reflect.has(real(), key),
		ownKeys: () => Reflect.ownKeys(real()),
		getOwnPropertyDescriptor: (_, key) => {
			const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
			// A proxy may not report a property its (empty) target lacks as non-configurable.
			return descriptor && { ...descriptor, configurable: true };
		},
		getPrototypeOf: () => Reflect.getPrototypeOf(real())
	});
}
