import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseRegistration } from '$lib/server/input/accounts';
import { registerAccount } from '$lib/server/accounts/register';
import { listPlaces } from '$lib/server/accounts/places';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { safeNext } from '$lib/server/auth/guard';
import { errorTexts, refuse } from '$lib/i18n/errors.server';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
	return { places: listPlaces(locals.ctx.db, locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, config } = event.locals.ctx;
		const form = await event.request.formData();
		const parsed = parseRegistration(form);
		if (!parsed.ok) return fail(400, { values: parsed.echo, errors: errorTexts(parsed.errors) });
		let user;
		try {
			user = await registerAccount(db, { ...parsed.value, ip: event.getClientAddress() });
		} catch (e) {
			const { password: _, ...values } = parsed.value;
			return refuse(e, { values });
		}
		const { token, session } = createSession(db, { userId: user.id });
		setSessionCookie(event.cookies, {
			token,
			expiresAt: session.expiresAt,
			secure: config.secureCookies
		});
		// Back where the visitor came from (a cohort's join link), on this site only.
		const home = `/${event.locals.locale}`;
		redirect(303, safeNext(event.url.searchParams.get('next'), home, event.url.origin));
	}
};
