import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getUser, listUsers, setRole } from '$lib/server/accounts/users';
import { RoleChangeForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { DomainError } from '$lib/server/errors';
import { errorText } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const users = listUsers(event.locals.ctx.db).map((u) => ({
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		createdAt: u.createdAt.toISOString()
	}));
	return { users };
};

export const actions: Actions = {
	role: async (event) => {
		const admin = requireRole(event, 'admin');
		const parsed = parseForm(RoleChangeForm, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { userId: parsed.echo.userId ?? '', message: errorText('invalid_choice') });
		const { userId, role } = parsed.value;
		try {
			setRole(event.locals.ctx.db, { actorId: admin.id, userId, role });
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			return fail(e.code === 'not_found' ? 404 : 400, { userId, message: errorText(e.code) });
		}
		return { userId, changed: { name: getUser(event.locals.ctx.db, userId)?.name ?? '', role } };
	}
};
