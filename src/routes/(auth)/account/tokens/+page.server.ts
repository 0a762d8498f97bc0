import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { grantableScopes } from '$lib/server/access/index';
import {
	createAccessToken,
	listAccessTokens,
	revokeAccessToken,
	TOKEN_DAYS_CHOICES,
	TOKEN_DAYS_DEFAULT
} from '$lib/server/auth/access-token';
import { TOKEN_SCOPES } from '$lib/server/db/schema/index';
import { parseForm } from '$lib/server/input/check';
import { TokenCreateForm, TokenRevokeForm } from '$lib/server/input/tokens';
import { errorTexts, refuse } from '$lib/i18n/errors.server';

// Every signed-in person may list and revoke their tokens (a demoted partner keeps that right);
// creating one needs a scope their role allows (access/tokens.ts).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const me = requireRole(event);
	return {
		tokens: listAccessTokens(event.locals.ctx.db, { userId: me.id }),
		scopes: grantableScopes(me, TOKEN_SCOPES),
		days: TOKEN_DAYS_CHOICES,
		defaultDays: TOKEN_DAYS_DEFAULT,
		now: Date.now()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const me = requireRole(event);
		const parsed = parseForm(TokenCreateForm, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { create: { values: parsed.echo, errors: errorTexts(parsed.errors) } });
		const { name, scope, days } = parsed.value;
		try {
			const { token, summary } = createAccessToken(event.locals.ctx.db, {
				actor: me,
				name,
				scopes: [scope],
				days: Number(days),
				ip: event.getClientAddress()
			});
			// Shown once, in this answer only: it is never stored in a readable form.
			return { created: { token, name: summary.name } };
		} catch (e) {
			const r = refuse(e, { create: { values: parsed.value } });
			return fail(r.status, { create: { values: parsed.value, errors: r.data.errors } });
		}
	},
	revoke: async (event) => {
		const me = requireRole(event);
		const parsed = parseForm(TokenRevokeForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { revoke: { errors: errorTexts(parsed.errors) } });
		const db = event.locals.ctx.db;
		try {
			revokeAccessToken(db, { actor: me, tokenId: parsed.value.id, ip: event.getClientAddress() });
		} catch (e) {
			const r = refuse(e);
			return fail(r.status, { revoke: { errors: r.data.errors } });
		}
		const name = listAccessTokens(db, { userId: me.id }).find(
			(t) => t.id === parsed.value.id
		)?.name;
		return { revoked: { name: name ?? '' } };
	}
};
