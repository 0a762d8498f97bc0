import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { normaliseCertificateCode } from '$lib/server/certificates/code';
import { checkCredential } from '$lib/server/certificates/issued-credential';
import * as m from '$lib/paraglide/messages';

// Checking a code or a credential is a plain form: no framework JavaScript (issue 15).
export const csr = false;

// Public: no sign-in. The site-wide rate limit per IP applies (src/server/app.ts).
export const load: PageServerLoad = ({ url, locals }) => {
	const typed = url.searchParams.get('code');
	if (typed !== null) {
		const code = normaliseCertificateCode(typed);
		if (code) redirect(303, `/${locals.locale}/verify/${code}`);
		return { typed, codeError: m.cert_code_malformed() };
	}
	return { typed: '', codeError: null };
};

export const actions: Actions = {
	credential: async ({ request, locals }) => {
		const posted = (await request.formData()).get('credential');
		const jwt = typeof posted === 'string' ? posted.trim() : '';
		if (!jwt || jwt.length > 20_000)
			return fail(400, { credentialError: m.cert_credential_empty() });
		const result = await checkCredential(locals.ctx, jwt);
		return { check: result };
	}
};
