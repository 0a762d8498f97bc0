import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { claimFirstAdmin, isFirstAdminTokenValid } from '$lib/server/accounts/first-admin';
import { parseRegistration } from '$lib/server/input/accounts';
import { listPlaces } from '$lib/server/accounts/places';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { errorText, errorTexts, refuse } from '$lib/i18n/errors.server';

export const load: PageServerLoad = ({ locals, params }) => {
	const valid = isFirstAdminTokenValid(locals.ctx.db, params.token);
	return {
		valid,
		invalidMessage: valid ? null : errorText('setup_link_invalid'),
		places: valid ? listPlaces(locals.ctx.db, locals.locale) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, config } = event.locals.ctx;
		const parsed = parseRegistration(await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.echo, errors: errorTexts(parsed.errors) });
		let admin;
		try {
			admin = await claimFirstAdmin(db, {
				token: event.params.token,
				input: parsed.value,
				ip: event.getClientAddress()
			});
		} catch (e) {
			const { password: _, ...values } = parsed.value;
			return refuse(e, { values });
		}
		const { token, session } = createSession(db, { userId: admin.id });
		setSessionCookie(event.cookies, {
			token,
			expiresAt: session.expiresAt,
			secure: config.secureCookies
		});
		redirect(303, `/${event.locals.locale}/admin`);
	}
};
