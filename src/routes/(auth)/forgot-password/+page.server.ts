import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestPasswordReset } from '$lib/server/accounts/password-recovery';
import { mailConfigured } from '$lib/server/mail/transport';
import { EmailForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { errorText } from '$lib/i18n/errors.server';
import * as m from '$lib/paraglide/messages';
import { countOf } from '$lib/format/numbers';

// "Forgot password" (issue 11 #10): one form post, no framework JavaScript.
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	mailEnabled: mailConfigured(locals.ctx.config)
});

export const actions: Actions = {
	default: async (event) => {
		const { db, config } = event.locals.ctx;
		const parsed = parseForm(EmailForm, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { email: parsed.echo.email ?? '', message: errorText('invalid_email') });
		const answer = requestPasswordReset(db, {
			email: parsed.value.email,
			ip: event.getClientAddress(),
			origin: config.origin,
			mail: config
		});
		if (!answer.ok) {
			const minutes = Math.max(1, Math.ceil(answer.retryAfterSeconds / 60));
			event.setHeaders({ 'retry-after': String(answer.retryAfterSeconds) });
			return fail(429, {
				email: parsed.value.email,
				message: m.error_throttled(countOf(minutes, event.locals.locale))
			});
		}
		// The mail leaves after this answer (sendMail logs a failure and never throws).
		void answer.mail;
		return { sent: true };
	}
};
