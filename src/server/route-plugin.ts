/**
 * A plugin that only registers routes, written without `async` since it waits for nothing. A throw
 * while registering (a duplicate route, a bad schema) still rejects `register()`, as it would from
 * an async plugin; from a bare callback plugin it would escape as an uncaught exception.
 */
export function routePlugin<App, Opts>(
	register: (app: App, opts: Opts) => void
): (app: App, opts: Opts, done: (err?: Error) => void) => void {
	return (app, opts, done) => {
		try {
			register(app, opts);
		} catch (e) {
			done(e instanceof Error ? e : new Error(String(e)));
			return;
		}
		done();
	};
}
