import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import { getUser } from '../../lib/server/accounts/users.ts';
import type { AppContext } from '../context.ts';
import { requireApiRole } from './auth.ts';
import { ErrorBody } from './schemas.ts';

const Me = Type.Object({
	id: Type.String(),
	email: Type.String(),
	name: Type.String(),
	role: Type.Union([
		Type.Literal('learner'),
		Type.Literal('trainer'),
		Type.Literal('admin'),
		Type.Literal('partner')
	]),
	locale: Type.String(),
	position: Type.Union([Type.String(), Type.Null()]),
	governorateId: Type.Union([Type.String(), Type.Null()]),
	municipalityId: Type.Union([Type.Integer(), Type.Null()]),
	gender: Type.Union([Type.String(), Type.Null()])
});

/** GET /api/v1/me: the signed-in user's own account. */
export const meRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/me',
			{
				schema: {
					operationId: 'getMe',
					summary: 'The signed-in user',
					tags: ['account'],
					response: { 200: Me, 401: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				const full = getUser(ctx.db, user.id);
				if (!full)
					return reply.code(401).send({ error: 'UNAUTHENTICATED', message: 'Sign in first.' });
				return full;
			}
		);
	}
);
