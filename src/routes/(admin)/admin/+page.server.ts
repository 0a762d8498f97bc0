import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canChangeRoles } from '$lib/server/access/index';
import { getUser, listUsers, setRole } from '$lib/server/accounts/users';
import { ROLES, type Role } from '$lib/server/db/schema';
import { errorText, refuse } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	allow(canChangeRoles(requireRole(event)));
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
		const admin = requireRole(event);
		allow(canChangeRoles(admin));
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const role = String(form.get('role') ?? '') as Role;
		if (!ROLES.includes(role)) return fail(400, { userId, message: errorText('invalid_choice') });
		try {
			setRole(event.locals.ctx.db, { actorId: admin.id, userId, role });
		} catch (e) {
			return refuse(e, { userId });
		}
		return { userId, changed: { name: getUser(event.locals.ctx.db, userId)?.name ?? '', role } };
	}
};
