import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canRevokeCertificate } from '$lib/server/access/index';
import {
	listAllCertificates,
	revokeCertificate,
	toPublic
} from '$lib/server/certificates/registry';
import { reinstateCertificate } from '$lib/server/certificates/revocation';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { parseForm } from '$lib/server/input/check';
import { RevocationForm } from '$lib/server/input/certificates';

export const load: PageServerLoad = (event) => {
	allow(canRevokeCertificate(requireRole(event)));
	return { certificates: listAllCertificates(event.locals.ctx.db).map(toPublic) };
};

/** The admin, the code and the reason of a revoke or reinstate form, or the refusal to show. */
async function readForm(event: RequestEvent) {
	const admin = requireRole(event);
	allow(canRevokeCertificate(admin));
	const form = await event.request.formData();
	const parsed = parseForm(RevocationForm, form);
	if (parsed.ok) return { ok: true as const, admin, form, ...parsed.value };
	const { code = '', reason = '' } = parsed.echo;
	const first = Object.values(parsed.errors)[0] ?? 'invalid_choice';
	return { ok: false as const, refusal: fail(400, { code, reason, message: errorText(first) }) };
}

export const actions: Actions = {
	// Two steps, without JavaScript too: the first post shows what revoking does and asks again.
	revoke: async (event) => {
		const f = await readForm(event);
		if (!f.ok) return f.refusal;
		const { code, reason } = f;
		if (f.form.get('confirm') !== 'yes') return { confirm: { code, reason } };
		try {
			revokeCertificate(event.locals.ctx.db, { code, reason, actorId: f.admin.id });
		} catch (e) {
			return refuse(e, { code, reason });
		}
		return { revoked: code };
	},
	reinstate: async (event) => {
		const f = await readForm(event);
		if (!f.ok) return f.refusal;
		const { code, reason } = f;
		try {
			reinstateCertificate(event.locals.ctx.db, { code, reason, actorId: f.admin.id });
		} catch (e) {
			return refuse(e, { code, reason });
		}
		return { reinstated: code };
	}
};
