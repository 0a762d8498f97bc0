import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getUser, setRole } from '$lib/server/accounts/users';
import { listUsersPage } from '$lib/server/accounts/user-list';
import { ROLES, type Role } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { errorText } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const q = event.url.searchParams.get('q') ?? '';
	const page = listUsersPage(event.locals.ctx.db, {
		q,
		after: event.url.searchParams.get('after')
	});
	const users = page.users.map((u) => ({
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		createdAt: u.createdAt.toISOString()
	}));
	// Plain links, so the list pages without JavaScript.
	const link = (after: string | null) =>
		'?' + new URLSearchParams([...(q ? [['q', q]] : []), ...(after ? [['after', after]] : [])]);
	return {
		users,
		q,
		total: page.total,
		nextHref: page.next ? link(page.next) : null,
		firstHref: event.url.searchParams.has('after') ? link(null) : null
	};
};

export const actions: Actions = {
	role: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const role = String(form.get('role') ?? '') as Role;
		if (!ROLES.includes(role)) return fail(400, { userId, message: errorText('invalid_choice') });
		try {
			setRole(event.locals.ctx.db, { actorId: admin.id, userId, role });
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			return fail(e.code === 'not_found' ? 404 : 400, { userId, message: errorText(e.code) });
		}
		return { userId, changed: { name: getUser(event.locals.ctx.db, userId)?.name ?? '', role } };
	}
};
