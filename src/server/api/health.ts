import type { FastifyInstance } from 'fastify';
import { routePlugin } from '../route-plugin.ts';
import { pingDb } from '../../lib/server/db/index.ts';
import type { AppContext } from '../context.ts';

const Health = {
	type: 'object',
	required: ['status'],
	properties: { status: { type: 'string', enum: ['ok', 'unavailable'] } }
} as const;

/** GET /healthz: 200 after a real query on the database, 503 otherwise. */
export const healthRoutes = routePlugin((app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
	app.get(
		'/healthz',
		{
			config: { rateLimit: false, sameForEveryone: true },
			schema: {
				operationId: 'getHealth',
				summary: 'Liveness, after a real query on the database',
				tags: ['operations'],
				response: {
					200: Health,
					503: { ...Health, description: 'The database does not answer' }
				}
			}
		},
		async (_req, reply) => {
			if (pingDb(ctx.db)) return { status: 'ok' };
			return reply.code(503).send({ status: 'unavailable' });
		}
	);
});
