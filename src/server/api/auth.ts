import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../../lib/server/auth/cookie.ts';
import {
	SESSION_COOKIE,
	validateSessionToken,
	type SessionUser
} from '../../lib/server/auth/session.ts';
import type { Role } from '../../lib/server/db/schema/index.ts';
import type { AppContext } from '../context.ts';

// A partner ranks as a learner: reports are granted by their own rule, not by rank.
const RANK: Record<Role, number> = { learner: 0, partner: 0, trainer: 1, admin: 2 };

/** The signed-in user of an API request, through the same session validation as the pages. */
export function apiUser(ctx: AppContext, req: FastifyRequest): SessionUser | null {
	const token = readCookie(req.headers.cookie, SESSION_COOKIE);
	if (!token) return null;
	const result = validateSessionToken(ctx.db, token);
	return result.status === 'valid' ? result.user : null;
}

/** Answers 401/403 and returns null unless the request's user has at least `role`. */
export function requireApiRole(
	ctx: AppContext,
	req: FastifyRequest,
	reply: FastifyReply,
	role: Role = 'learner'
): SessionUser | null {
	const user = apiUser(ctx, req);
	if (!user) {
		void reply.code(401).send({ error: 'UNAUTHENTICATED', message: 'Sign in first.' });
		return null;
	}
	if (RANK[user.role] < RANK[role]) {
		void reply.code(403).send({ error: 'FORBIDDEN', message: 'Your role does not allow this.' });
		return null;
	}
	return user;
}
