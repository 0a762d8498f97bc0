import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { checkPasswordLink, usePasswordLink } from '$lib/server/accounts/password-links';
import { PasswordLinkForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { errorText, errorTexts, refuse } from '$lib/i18n/errors.server';

// A one-time "set your password" link (accounts a trainer created from a roster). The token is
// the credential: anyone holding it may use it, once, within its validity.
export const load: PageServerLoad = ({ locals, params }) => {
	const link = checkPasswordLink(locals.ctx.db, params.token);
	return {
		name: link?.name ?? null,
		invalidMessage: link ? null : errorText('password_link_invalid')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, config } = event.locals.ctx;
		const parsed = parseForm(PasswordLinkForm, await event.request.formData());
		if (!parsed.ok) {
			const errors = errorTexts(parsed.errors);
			return fail(400, { errors, message: Object.values(errors)[0] });
		}
		let userId: string;
		try {
			({ userId } = await usePasswordLink(db, {
				token: event.params.token,
				password: parsed.value.password
			}));
		} catch (e) {
			return refuse(e);
		}
		const { token, session } = createSession(db, { userId });
		setSessionCookie(event.cookies, {
			token,
			expiresAt: session.expiresAt,
			secure: config.secureCookies
		});
		redirect(303, `/${event.locals.locale}/learn`);
	}
};
