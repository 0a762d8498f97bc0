import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { changePassword, getUser, updateProfile } from '$lib/server/accounts/users';
import { checkPassword, parseProfile } from '$lib/server/accounts/input';
import { listPlaces } from '$lib/server/accounts/places';
import { invalidateOtherSessions } from '$lib/server/auth/session';
import { DomainError } from '$lib/server/errors';
import { errorText, errorTexts } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	const me = requireRole(event);
	const { db } = event.locals.ctx;
	return { profile: getUser(db, me.id), places: listPlaces(db, event.locals.locale) };
};

export const actions: Actions = {
	profile: async (event) => {
		const me = requireRole(event);
		const parsed = parseProfile(await event.request.formData());
		if (!parsed.ok)
			return fail(400, { profile: { values: parsed.echo, errors: errorTexts(parsed.errors) } });
		try {
			updateProfile(event.locals.ctx.db, { userId: me.id, profile: parsed.value });
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			return fail(400, {
				profile: { values: parsed.value, errors: { [e.field ?? 'form']: errorText(e.code) } }
			});
		}
		return { profile: { saved: true } };
	},
	password: async (event) => {
		const me = requireRole(event);
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		const errors: Record<string, string> = {};
		if (!current) errors.current = 'required';
		const problem = checkPassword(next);
		if (problem) errors.next = problem;
		if (Object.keys(errors).length) return fail(400, { password: { errors: errorTexts(errors) } });
		try {
			await changePassword(event.locals.ctx.db, {
				userId: me.id,
				current,
				next,
				ip: event.getClientAddress()
			});
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			return fail(e.code === 'throttled' ? 429 : 400, {
				password: { errors: { [e.field ?? 'form']: errorText(e.code) } }
			});
		}
		invalidateOtherSessions(event.locals.ctx.db, {
			userId: me.id,
			keep: event.locals.sessionId ?? undefined
		});
		return { password: { changed: true } };
	}
};
