import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import {
	cookieName as LOCALE_COOKIE,
	extractLocaleFromRequest,
	extractLocaleFromUrl,
	getTextDirection,
	localizeUrl
} from '$lib/paraglide/runtime';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/session';
import { devContext } from '$lib/server/dev-context';

/** The database and config: from the Fastify host, or opened here under `vite dev`. */
const handleContext: Handle = async ({ event, resolve }) => {
	event.locals.ctx = event.platform?.ctx ?? (await devContext());
	return resolve(event);
};

/**
 * Locale from the URL prefix. A page asked for without one (`/`, or a printed link such as
 * `/setup/…`) is redirected to the visitor's language: their cookie, else their browser's
 * languages, else Arabic. Paraglide does this only for requests marked `Sec-Fetch-Dest:
 * document`, which older phone browsers do not send.
 */
const handleLocale: Handle = ({ event, resolve }) => {
	const method = event.request.method;
	if ((method === 'GET' || method === 'HEAD') && !extractLocaleFromUrl(event.url)) {
		const locale = extractLocaleFromRequest(event.request);
		return new Response(null, {
			status: 307,
			headers: { location: localizeUrl(event.url, { locale }).href, vary: 'accept-language, cookie' }
		});
	}
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
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
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		});
	});
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

export const handle = sequence(handleContext, handleLocale, handleSession);

/** Unexpected errors: logged with an id; the visitor sees a generic message and the id. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const errorId = crypto.randomUUID();
	if (status >= 500) console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Internal Error', errorId };
};
