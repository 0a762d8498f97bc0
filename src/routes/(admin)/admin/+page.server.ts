import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import {
	allow,
	canChangeRoles,
	canCreateResetLink,
	canEraseAccount
} from '$lib/server/access/index';
import { createResetLink } from '$lib/server/accounts/password-recovery';
import { getUser, setRole } from '$lib/server/accounts/users';
import { listUsersPage } from '$lib/server/accounts/user-list';
import { RoleChangeForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { listCertificates } from '$lib/server/certificates/registry';
import { confirmAndErase, readChoices } from '$lib/server/privacy/confirm';
import { certificateChoices } from '../../(auth)/account/delete/choices.server';

export const load: PageServerLoad = (event) => {
	const admin = requireRole(event);
	allow(canChangeRoles(admin));
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
		createdAt: u.createdAt.toISOString(),
		erased: u.erasedAt !== null
	}));
	// `?erase=<id>`: the confirmation panel for an erasure requested offline.
	const eraseId = event.url.searchParams.get('erase');
	const target = eraseId ? getUser(event.locals.ctx.db, eraseId) : null;
	const eraseTarget =
		target && !target.erasedAt
			? {
					id: target.id,
					name: target.name,
					certificates: certificateChoices(
						listCertificates(event.locals.ctx.db, { userId: target.id }),
						event.locals.locale
					)
				}
			: null;
	// Plain links, so the list pages without JavaScript.
	const link = (after: string | null) =>
		`?${new URLSearchParams([...(q ? [['q', q]] : []), ...(after ? [['after', after]] : [])]).toString()}`;
	return {
		selfId: admin.id,
		eraseTarget,
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
	},
	// A one-time password link, shown once, for someone who cannot receive mail from us.
	resetLink: async (event) => {
		const admin = requireRole(event);
		const given = (await event.request.formData()).get('userId');
		const userId = typeof given === 'string' ? given : '';
		allow(canCreateResetLink(admin, { id: userId }));
		const link = createResetLink(event.locals.ctx.db, {
			actorId: admin.id,
			userId,
			origin: event.locals.ctx.config.origin
		});
		if (!link) return fail(404, { userId, message: errorText('not_found') });
		return { userId, resetLink: link };
	},
	erase: async (event) => {
		const admin = requireRole(event);
		const form = await event.request.formData();
		const given = form.get('userId');
		const userId = typeof given === 'string' ? given : '';
		allow(canChangeRoles(admin) && canEraseAccount(admin, { id: userId }));
		const password = form.get('password');
		if (typeof password !== 'string' || password === '')
			return fail(400, { userId, message: errorText('required') });
		try {
			await confirmAndErase(event.locals.ctx.db, {
				actorId: admin.id,
				userId,
				password,
				choices: readChoices(form),
				ip: event.getClientAddress()
			});
		} catch (e) {
			return refuse(e, { userId });
		}
		return { userId, erased: true };
	}
};
