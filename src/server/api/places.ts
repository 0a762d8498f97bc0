import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import { listPlaces } from '../../lib/server/accounts/places.ts';
import type { AppContext } from '../context.ts';
import { LocaleParam } from './schemas.ts';

const Place = Type.Object({
	id: Type.String(),
	name: Type.String(),
	municipalities: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }))
});

/** GET /api/v1/governorates: Tunisia's governorates and their municipalities (public). */
export const placeRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/governorates',
			{
				schema: {
					operationId: 'listGovernorates',
					summary: 'Governorates and municipalities',
					tags: ['reference'],
					querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
					response: { 200: Type.Array(Place) }
				}
			},
			(req) => listPlaces(ctx.db, req.query.locale ?? 'ar')
		);
	}
);
