import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { meRoutes } from './me.ts';
import { placeRoutes } from './places.ts';
import { courseRoutes } from './courses.ts';
import { quizRoutes } from './quiz.ts';
import { certificateRoutes } from './certificates.ts';
import { reportRoutes } from './reports.ts';
import { isCrossSiteWrite } from './same-origin.ts';
import { syncContentCache } from '../../lib/server/courses/cache.ts';

/** /api/v1: JSON only, schema-validated, described at /api/v1/openapi.json. */
export async function apiV1(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
	const api = app.withTypeProvider<TypeBoxTypeProvider>();
	api.addHook('onRequest', async (req, reply) => {
		// Another process may have imported a course since this one cached it.
		syncContentCache(ctx.db);
		if (isCrossSiteWrite(req, ctx.config.origin.origin)) {
			return reply.code(403).send({
				error: 'CROSS_SITE_REQUEST',
				message: 'Changes through the API must come from this site.'
			});
		}
	});
	api.addHook('onSend', async (_req, reply) => {
		// JSON never needs to run or embed anything.
		reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
		reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
	});
	await api.register(meRoutes, { ctx });
	await api.register(placeRoutes, { ctx });
	await api.register(courseRoutes, { ctx });
	await api.register(quizRoutes, { ctx });
	await api.register(certificateRoutes, { ctx });
	await api.register(reportRoutes, { ctx });
	api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
	// Unknown API paths answer JSON, never SvelteKit's HTML 404.
	api.all('/*', { schema: { hide: true } }, async (req, reply) =>
		reply.code(404).send({ error: 'NOT_FOUND', message: `No API route ${req.method} ${req.url}` })
	);
}
