import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	cookieName as LOCALE_COOKIE,
	extractLocaleFromRequest,
	getTextDirection,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime';
import { href, localeOfPath, stripLocale } from '$lib/i18n/paths';
import {
	SESSION_COOKIE,
	sessionCookieOptions,
	validateSessionToken
} from '$lib/server/auth/session';
import { devContext } from '$lib/server/dev-context';
import { syncContentCache } from '$lib/server/courses/cache';
import { DomainError } from '$lib/server/errors';
import { describeError } from '$lib/server/error-table';
import { guardFormData } from '$lib/server/http/form-body';

/** The database and config: from the Fastify host, or opened here under `vite dev`. */
const handleContext: Handle = async ({ event, resolve }) => {
	event.locals.ctx = event.platform?.ctx ?? devContext();
	// Another process may have imported a course since this one cached it. The Fastify host
	// (src/server/kit.ts) has read the version already, for its page cache; under vite dev, not.
	syncContentCache(event.locals.ctx.db, event.platform?.contentVersion);
	if (event.platform?.route) event.platform.route.id = event.route.id;
	guardFormData(event.request);
	return resolve(event);
};

// Paraglide's getLocale() reads the request's locale from this store during rendering.
const localeStore = new AsyncLocalStorage<{ locale?: App.Locals['locale'] }>();
overwriteServerAsyncLocalStorage(localeStore);

/**
 * Locale from the URL prefix. A page asked for without one (`/`, or a printed link such as
 * `/setup/…`) is redirected to the visitor's language: their cookie, else their browser's
 * languages, else Arabic (Paraglide's strategy, compiled in scripts/i18n.mjs).
 */
const handleLocale: Handle = ({ event, resolve }) => {
	const locale = localeOfPath(event.url.pathname);
	if (!locale) {
		const method = event.request.method;
		if (method !== 'GET' && method !== 'HEAD') return new Response('Not Found', { status: 404 });
		const target = href(stripLocale(event.url.pathname), extractLocaleFromRequest(event.request));
		return new Response(null, {
			status: 307,
			headers: { location: target + event.url.search, vary: 'accept-language, cookie' }
		});
	}
	event.locals.locale = locale;
	// Remember the language, so the next visit to `/` opens in it.
	if (event.cookies.get(LOCALE_COOKIE) !== locale) {
		event.cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			maxAge: 365 * 24 * 3600,
			httpOnly: false,
			sameSite: 'lax',
			secure: event.locals.ctx.config.secureCookies
		});
	}
	return localeStore.run({ locale }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		})
	);
};

/** Session cookie -> locals.user; renews the cookie when the session was extended. */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { db, config } = event.locals.ctx;
		const result = validateSessionToken(db, token);
		if (result.status === 'valid') {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			if (result.renewed) {
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions({ secure: config.secureCookies, expires: result.session.expiresAt })
				);
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * A DomainError that no route caught reaches SvelteKit as an unexpected error (status 500).
 * handleError noted its status from the table; the response carries that status instead.
 */
const handleRefusal: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const refused = event.locals.refusedStatus;
	if (!refused || response.status !== 500) return response;
	return new Response(response.body, { status: refused, headers: response.headers });
};

export const handle = sequence(handleContext, handleLocale, handleRefusal, handleSession);

/**
 * A domain refusal gets the table's status and sentence; other unexpected errors are logged
 * with an id, and the visitor sees a generic message and the id.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (error instanceof DomainError) {
		const r = describeError(error, event.locals.locale);
		event.locals.refusedStatus = r.status;
		return { message: r.message, code: r.code, status: r.status };
	}
	const errorId = crypto.randomUUID();
	if (status >= 500)
		console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Internal Error', errorId };
};
