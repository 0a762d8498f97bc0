import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionCookieOptions } from './session.ts';

/** Puts a new session token in the browser's cookie jar. */
export function setSessionCookie(
	cookies: Cookies,
	{ token, expiresAt, secure }: { token: string; expiresAt: Date; secure: boolean }
) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions({ secure, expires: expiresAt }));
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
