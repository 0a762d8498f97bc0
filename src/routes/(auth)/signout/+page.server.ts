import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/session-cookie';

// Signing out changes state, so it is a POST; a GET only shows the button.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, `/${locals.locale}`);
	return {};
};

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.sessionId) invalidateSession(locals.ctx.db, locals.sessionId);
		clearSessionCookie(cookies);
		redirect(303, `/${locals.locale}`);
	}
};
