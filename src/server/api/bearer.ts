import type { FastifyReply, FastifyRequest } from 'fastify';
import { canHoldScope } from '../../lib/server/access/tokens.ts';
import { validateAccessToken } from '../../lib/server/auth/access-token.ts';
import type { SessionUser } from '../../lib/server/auth/session.ts';
import type { TokenScope } from '../../lib/server/db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { apiUser } from './auth.ts';

const REFUSED = {
	unknown: ['INVALID_TOKEN', 'This access token is not known. Check that it was copied whole.'],
	expired: [
		'TOKEN_EXPIRED',
		'This access token has expired. Create a new one on your account page.'
	],
	revoked: [
		'TOKEN_REVOKED',
		'This access token was revoked. Create a new one on your account page.'
	]
} as const;

function refuse(
	reply: FastifyReply,
	status: 401 | 403,
	code: string,
	message: string,
	auth: string
) {
	// RFC 6750: say which scheme and, for a refusal, why, so a client can tell what to fix.
	void reply.code(status).header('www-authenticate', auth).send({ error: code, message });
	return null;
}

/**
 * The caller of an operation that a personal access token may reach: `Authorization: Bearer
 * <token>` carrying `scope`, or else the web session (a person at the site may do what their role
 * allows). Answers 401/403 with a clear message and returns null otherwise. Either way the role
 * is checked again at each call, so a token outlives no demotion.
 */
export function requireApiScope(
	ctx: AppContext,
	req: FastifyRequest,
	reply: FastifyReply,
	scope: TokenScope
): SessionUser | null {
	const header = req.headers.authorization;
	if (header === undefined) {
		const user = apiUser(ctx, req);
		if (user) return user;
		return refuse(
			reply,
			401,
			'UNAUTHENTICATED',
			'Sign in, or send a personal access token: Authorization: Bearer <token>.',
			'Bearer'
		);
	}
	const [scheme, token, ...rest] = header.trim().split(/\s+/);
	if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length) {
		return refuse(
			reply,
			401,
			'INVALID_TOKEN',
			'Send the token as: Authorization: Bearer <token>.',
			'Bearer error="invalid_request"'
		);
	}
	const result = validateAccessToken(ctx.db, token);
	if (result.status !== 'valid') {
		const [code, message] = REFUSED[result.status];
		return refuse(reply, 401, code, message, 'Bearer error="invalid_token"');
	}
	const insufficient = `Bearer error="insufficient_scope", scope="${scope}"`;
	if (!result.scopes.includes(scope)) {
		return refuse(
			reply,
			403,
			'INSUFFICIENT_SCOPE',
			`This access token does not carry the scope ${scope}.`,
			insufficient
		);
	}
	if (!canHoldScope(result.user, scope)) {
		return refuse(
			reply,
			403,
			'FORBIDDEN',
			'The role of this token’s owner no longer allows this.',
			insufficient
		);
	}
	return result.user;
}
