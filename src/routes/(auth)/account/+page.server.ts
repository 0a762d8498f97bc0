import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { changePassword, getUser, updateProfile } from '$lib/server/accounts/users';
import { parseProfile, PasswordChangeForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { listPlaces } from '$lib/server/accounts/places';
import { invalidateOtherSessions } from '$lib/server/auth/session';
import { errorTexts, refusal } from '$lib/i18n/errors.server';
import { EXPORT_SECTIONS } from '$lib/server/privacy/export';

export const load: PageServerLoad = (event) => {
	const me = requireRole(event);
	const { db } = event.locals.ctx;
	return {
		profile: getUser(db, me.id),
		places: listPlaces(db, event.locals.locale),
		exportSections: EXPORT_SECTIONS.map((s) => s.key)
	};
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
			const r = refusal(e);
			return fail(r.status, {
				profile: { values: parsed.value, errors: { [r.field ?? 'form']: r.message } }
			});
		}
		return { profile: { saved: true } };
	},
	password: async (event) => {
		const me = requireRole(event);
		const parsed = parseForm(PasswordChangeForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { password: { errors: errorTexts(parsed.errors) } });
		const { current, next } = parsed.value;
		try {
			await changePassword(event.locals.ctx.db, {
				userId: me.id,
				current,
				next,
				ip: event.getClientAddress()
			});
		} catch (e) {
			const r = refusal(e);
			return fail(r.status, { password: { errors: { [r.field ?? 'form']: r.message } } });
		}
		invalidateOtherSessions(event.locals.ctx.db, {
			userId: me.id,
			keep: event.locals.sessionId ?? undefined
		});
		return { password: { changed: true } };
	}
};
