import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../lib/server/db/index.ts';
import { rateLimitCounter } from '../lib/server/db/rate-limit.ts';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A @fastify/rate-limit store over the database, so WORKERS processes together allow the
 * configured limit rather than N times it. A route with its own limit counts under its own key.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
	const counter = rateLimitCounter(db);
	class DatabaseStore implements FastifyRateLimitStore {
		constructor(private readonly prefix = '') {}

		incr(key: string, callback: Callback, timeWindow: number): void {
			let result;
			try {
				const now = Date.now();
				const hit = counter.hit(this.prefix + key, timeWindow, now);
				result = { current: hit.count, ttl: Math.max(0, hit.windowStart + timeWindow - now) };
			} catch (e) {
				callback(e as Error);
				return;
			}
			callback(null, result);
		}

		// Typed as route options, but the plugin passes the route's merged limit settings.
		child(params: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
			const { routeInfo } = params as unknown as RouteParams;
			const method = routeInfo?.method;
			const url = routeInfo?.url ?? 'limiter';
			return new DatabaseStore(`${String(method ?? '')} ${url}|`);
		}
	}
	return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
