import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canRevokeCertificate } from '$lib/server/access/index';
import {
	listAllCertificates,
	revokeCertificate,
	toPublic
} from '$lib/server/certificates/registry';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { parseForm } from '$lib/server/input/check';
import { RevocationForm } from '$lib/server/input/certificates';

export const load: PageServerLoad = (event) => {
	allow(canRevokeCertificate(requireRole(event)));
	return { certificates: listAllCertificates(event.locals.ctx.db).map(toPublic) };
};

export const actions: Actions = {
	revoke: async (event) => {
		const admin = requireRole(event);
		allow(canRevokeCertificate(admin));
		const parsed = parseForm(RevocationForm, await event.request.formData());
		if (!parsed.ok) {
			const { code = '', reason = '' } = parsed.echo;
			const first = Object.values(parsed.errors)[0] ?? 'invalid_choice';
			return fail(400, { code, reason, message: errorText(first) });
		}
		const { code, reason } = parsed.value;
		try {
			revokeCertificate(event.locals.ctx.db, { code, reason, actorId: admin.id });
		} catch (e) {
			return refuse(e, { code, reason });
		}
		return { revoked: code };
	}
};
