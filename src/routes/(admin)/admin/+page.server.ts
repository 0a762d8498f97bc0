import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canChangeRoles } from '$lib/server/access/index';
import { getUser, setRole } from '$lib/server/accounts/users';
import { listUsersPage } from '$lib/server/accounts/user-list';
import { RoleChangeForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { errorText, refuse } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	allow(canChangeRoles(requireRole(event)));
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
		`?${new URLSearchParams([...(q ? [['q', q]] : []), ...(after ? [['after', after]] : [])]).toString()}`;
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
		const admin = requireRole(event);
		allow(canChangeRoles(admin));
		const parsed = parseForm(RoleChangeForm, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { userId: parsed.echo.userId ?? '', message: errorText('invalid_choice') });
		const { userId, role } = parsed.value;
		try {
			setRole(event.locals.ctx.db, { actorId: admin.id, userId, role });
		} catch (e) {
			return refuse(e, { userId });
		}
		return { userId, changed: { name: getUser(event.locals.ctx.db, userId)?.name ?? '', role } };
	}
};
