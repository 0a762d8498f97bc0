import type { FastifyInstance } from 'fastify';
import { pingDb } from '../../lib/server/db/index.ts';
import type { AppContext } from '../context.ts';

/** GET /healthz: 200 after a real query on the database, 503 otherwise. */
export async function healthRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
	app.get(
		'/healthz',
		{
			config: { rateLimit: false },
			schema: {
				hide: true,
				response: {
					200: { type: 'object', properties: { status: { type: 'string' } } },
					503: { type: 'object', properties: { status: { type: 'string' } } }
				}
			}
		},
		async (_req, reply) => {
			if (pingDb(ctx.db)) return { status: 'ok' };
			return reply.code(503).send({ status: 'unavailable' });
		}
	);
}
