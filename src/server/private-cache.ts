import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../lib/server/auth/cookie.ts';
import { SESSION_COOKIE } from '../lib/server/auth/session.ts';

declare module 'fastify' {
	// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation merges only into an interface
	interface FastifyContextConfig {
		/** The answer is the same whoever asks (built files, JWKS, health): keep its own caching. */
		sameForEveryone?: boolean;
	}
}

/**
 * A response may differ per user when the request carried the session cookie (the page shows
 * the user's name, the API answers with their data) or when it sets a cookie.
 */
export function dependsOnSession(req: FastifyRequest, reply: FastifyReply): boolean {
	if (reply.hasHeader('set-cookie')) return true;
	if (req.routeOptions.config.sameForEveryone) return false;
	return readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined;
}

/**
 * The one place that keeps per-user answers out of shared and browser caches (issue 9 #12):
 * `Cache-Control: private, no-store` on every response that depends on the session, whatever
 * the route or SvelteKit said. Public immutable assets keep their year-long caching.
 */
export function registerPrivateCache(app: FastifyInstance) {
	app.addHook('onSend', async (req, reply, payload) => {
		if (dependsOnSession(req, reply)) reply.header('cache-control', 'private, no-store');
		return payload;
	});
}
