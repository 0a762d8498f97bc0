import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { listCertificates } from '$lib/server/certificates/registry';
import { confirmAndErase, readChoices } from '$lib/server/privacy/confirm';
import { errorText, refusal } from '$lib/i18n/errors.server';
import { certificateChoices } from './choices.server';

export const load: PageServerLoad = (event) => {
	// Right after the erasure nobody is signed in any more, and the page only says it is done.
	if (event.locals.accountErased) return { certificates: [] };
	const me = requireRole(event);
	const rows = listCertificates(event.locals.ctx.db, { userId: me.id });
	return { certificates: certificateChoices(rows, event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = requireRole(event);
		const form = await event.request.formData();
		const password = form.get('password');
		if (typeof password !== 'string' || password === '')
			return fail(400, { errors: { password: errorText('required') } });
		try {
			await confirmAndErase(event.locals.ctx.db, {
				actorId: me.id,
				userId: me.id,
				password,
				choices: readChoices(form),
				ip: event.getClientAddress()
			});
		} catch (e) {
			const r = refusal(e);
			return fail(r.status, { errors: { [r.field ?? 'form']: r.message } });
		}
		// The session is gone with the account; the answer says so on this page, signed out.
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		event.locals.user = null;
		event.locals.accountErased = true;
		return { done: true };
	}
};
