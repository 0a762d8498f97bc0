import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../lib/server/auth/cookie.ts';
import { SESSION_COOKIE } from '../lib/server/auth/session.ts';
import { cookieName as LOCALE_COOKIE } from '../lib/paraglide/runtime.js';

// Public pages (home, catalog, a course's page, sign-in) are the same for every visitor who is
// not signed in, and SvelteKit renders, serialises and brotli-compresses each of them per
// request (tests/bench/RESULTS.md). This keeps the finished answer, as @fastify/compress sent it,
// for a few seconds and replays it: the micro-caching a reverse proxy would do, inside the one
// process we ship. Compression has one home (the plugin); the cache only keeps its output.
//
// Safety rests on three rules, each checked here and nowhere else:
// - only requests WITHOUT the session cookie are served or stored, so no signed-in page (with a
//   name, progress or a CSRF-relevant form state) is ever kept;
// - only routes listed in PUBLIC_ROUTES are stored, and only 200 answers whose one possible
//   cookie is the locale cookie (the same for everyone asking in that language);
// - an entry dies after `seconds` or as soon as published content changes (its content version),
//   so an import shows at once and anything else a page shows is at most `seconds` old.

/** Kit route ids whose anonymous page depends only on the URL and published content. */
const PUBLIC_ROUTES = new Set([
	'/',
	'/(learn)/courses',
	'/(learn)/courses/[slug]',
	'/(auth)/signin'
]);

/** Response headers worth replaying; per-request ones (request id, rate-limit, date) are not. */
const KEPT_HEADERS = [
	'content-type',
	'content-encoding',
	'content-security-policy',
	'cache-control',
	'vary',
	'etag',
	'link',
	'set-cookie',
	'x-sveltekit-page'
];

const MAX_ENTRIES = 500;
const MAX_ENTRY_BYTES = 256 * 1024;

type Entry = {
	routeId: string;
	headers: [string, string | string[] | number][];
	body: Buffer;
	expires: number;
	contentVersion: number;
};

declare module 'fastify' {
	// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation merges only into an interface
	interface FastifyRequest {
		/** Set when this anonymous public page may be stored once compressed (page-cache.ts). */
		pageCacheMark?: { key: string; contentVersion: number; routeId?: string };
	}
}

export type PageCache = ReturnType<typeof createPageCache>;

export function createPageCache({
	seconds,
	now = Date.now
}: {
	seconds: number;
	now?: () => number;
}) {
	const entries = new Map<string, Entry>();

	/** The key for a request that may be cached, or null (signed in, not a GET, cache off). */
	function keyOf(req: FastifyRequest): string | null {
		if (seconds === 0 || req.method !== 'GET') return null;
		const cookies = req.headers.cookie;
		if (readCookie(cookies, SESSION_COOKIE) !== undefined) return null;
		// The locale cookie decides whether the answer sets it; the encoding, which bytes are sent.
		const locale = readCookie(cookies, LOCALE_COOKIE) ?? '';
		const encoding = req.headers['accept-encoding'] ?? '';
		return `${req.host}\n${req.url}\n${locale}\n${encoding}`;
	}

	return {
		/**
		 * Answers from the cache when it can: the page's route id when it did, else null.
		 * `contentVersion` is the one the request read before anything else (kit.ts).
		 */
		serve(req: FastifyRequest, reply: FastifyReply, contentVersion: number): string | null {
			const key = keyOf(req);
			if (key === null) return null;
			const entry = entries.get(key);
			if (entry && entry.expires > now() && entry.contentVersion === contentVersion) {
				// Most recently used last, so eviction drops the oldest.
				entries.delete(key);
				entries.set(key, entry);
				for (const [name, value] of entry.headers) reply.header(name, value);
				reply.header('x-page-cache', 'hit');
				const etag = entry.headers.find(([name]) => name === 'etag')?.[1];
				if (etag !== undefined && req.headers['if-none-match'] === etag) {
					reply.removeHeader('content-length');
					void reply.code(304).send();
				} else void reply.send(entry.body);
				return entry.routeId;
			}
			if (entry) entries.delete(key);
			// Read before rendering: content published meanwhile makes the entry stale, not wrong.
			req.pageCacheMark = { key, contentVersion };
			return null;
		},

		/** After SvelteKit answered: keep the request's mark only for a storable answer. */
		consider(req: FastifyRequest, routeId: string | null, response: Response): void {
			if (req.pageCacheMark === undefined) return;
			const cookie = response.headers.getSetCookie();
			const storable =
				response.status === 200 &&
				routeId !== null &&
				PUBLIC_ROUTES.has(routeId) &&
				cookie.every((c) => c.startsWith(`${LOCALE_COOKIE}=`));
			if (storable) req.pageCacheMark.routeId = routeId;
			else req.pageCacheMark = undefined;
		},

		/**
		 * An onSend hook that runs after @fastify/compress's (kit.ts adds it last): keeps the bytes
		 * exactly as sent, with their content-encoding, so a replay passes compression untouched.
		 * A page compressed as a stream (over the plugin's syncThreshold) is not kept.
		 */
		store(req: FastifyRequest, reply: FastifyReply, payload: unknown): void {
			const mark = req.pageCacheMark;
			if (
				mark?.routeId === undefined ||
				reply.statusCode !== 200 ||
				!Buffer.isBuffer(payload) ||
				payload.length > MAX_ENTRY_BYTES
			)
				return;
			const headers: Entry['headers'] = [];
			for (const name of KEPT_HEADERS) {
				const value = reply.getHeader(name);
				if (value !== undefined) headers.push([name, value]);
			}
			if (entries.size >= MAX_ENTRIES) {
				const oldest = entries.keys().next().value;
				if (oldest !== undefined) entries.delete(oldest);
			}
			entries.set(mark.key, {
				routeId: mark.routeId,
				headers,
				body: payload,
				expires: now() + seconds * 1000,
				contentVersion: mark.contentVersion
			});
			reply.header('x-page-cache', 'miss');
		}
	};
}
