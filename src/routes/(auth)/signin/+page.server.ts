import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn } from '$lib/server/accounts/sign-in';
import { safeNext } from '$lib/server/auth/guard';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import * as m from '$lib/paraglide/messages';
import { countOf } from '$lib/format/numbers';
import { parseForm } from '$lib/server/input/check';
import { SignInForm } from '$lib/server/input/accounts';

// Signing in is one form post: no framework JavaScript (issue 15).
export const csr = false;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNext(url.searchParams.get('next'), `/${locals.locale}`, url.origin));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, config } = event.locals.ctx;
		const parsed = parseForm(SignInForm, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { email: parsed.echo.email ?? '', message: m.error_invalid_credentials() });
		const { email, password } = parsed.value;
		const result = await signIn(db, { email, password, ip: event.getClientAddress() });
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return fail(429, {
					email,
					message: m.error_throttled(countOf(minutes, event.locals.locale))
				});
			}
			return fail(400, { email, message: m.error_invalid_credentials() });
		}
		setSessionCookie(event.cookies, {
			token: result.token,
			expiresAt: result.expiresAt,
			secure: config.secureCookies
		});
		redirect(
			303,
			safeNext(event.url.searchParams.get('next'), `/${event.locals.locale}`, event.url.origin)
		);
	}
};
