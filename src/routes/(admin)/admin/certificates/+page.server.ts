import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canRevokeCertificate } from '$lib/server/access/index';
import {
	listAllCertificates,
	revokeCertificate,
	toPublic
} from '$lib/server/certificates/registry';
import { refuse } from '$lib/i18n/errors.server';

export const load: PageServerLoad = (event) => {
	allow(canRevokeCertificate(requireRole(event)));
	return { certificates: listAllCertificates(event.locals.ctx.db).map(toPublic) };
};

export const actions: Actions = {
	revoke: async (event) => {
		const admin = requireRole(event);
		allow(canRevokeCertificate(admin));
		const form = await event.request.formData();
		const code = String(form.get('code') ?? '');
		const reason = String(form.get('reason') ?? '');
		try {
			revokeCertificate(event.locals.ctx.db, { code, reason, actorId: admin.id });
		} catch (e) {
			return refuse(e, { code, reason });
		}
		return { revoked: code };
	}
};
