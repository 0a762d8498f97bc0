import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.ts';
import { registerErrorHandler } from './errors.ts';
import { healthRoutes } from './api/health.ts';
import { metricsRoutes, observeRequests } from './metrics.ts';
import { apiV1 } from './api/index.ts';
import { jwksRoutes } from './api/jwks.ts';
import { registerKit } from './kit.ts';
import { COMPRESS_OPTIONS } from './compression.ts';
import { mediaRoutes } from './media.ts';
import { RequestLogController } from './logger.ts';
import { registerOpenApi } from './openapi.ts';
import { registerPrivateCache } from './private-cache.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { createPdfRenderer } from '../lib/server/certificates/pdf-renderer.ts';

export type BuildOptions = {
	ctx: AppContext;
	/** adapter-node's output folder; null serves only /healthz and the API (unit-level tests). */
	kitBuildDir?: string | null;
	logger?: FastifyServerOptions['logger'];
	/** Level of the one line per request: 'info' in production, 'debug' at a terminal. */
	requestLogLevel?: 'info' | 'debug';
};

const YEAR = 31_536_000;

/** Builds the whole HTTP application without listening, so tests can `inject` into it. */
export async function buildApp({
	ctx,
	kitBuildDir = null,
	logger = false,
	requestLogLevel = 'debug'
}: BuildOptions): Promise<FastifyInstance> {
	const app = Fastify({
		logger,
		logController: new RequestLogController(requestLogLevel),
		trustProxy: ctx.config.trustProxy,
		genReqId: () => randomUUID(),
		bodyLimit: 1024 * 1024,
		// Shapes like a quiz response list their JSON types rather than a union (which ajv coerces).
		ajv: { customOptions: { allowUnionTypes: true } }
	});
	app.addHook('onSend', async (req, reply) => {
		reply.header('x-request-id', req.id);
	});
	registerErrorHandler(app);
	const metrics = observeRequests(app, ctx);
	registerPrivateCache(app);

	// Kit sets its own CSP (with hashes for its inline scripts) on pages; the API sets a strict one.
	await app.register(helmet, {
		contentSecurityPolicy: false,
		crossOriginEmbedderPolicy: false,
		// Not `no-referrer`: with it, browsers send `Origin: null` on plain form posts and
		// SvelteKit's CSRF check refuses every form submitted without JavaScript.
		// `same-origin` still tells other sites nothing.
		referrerPolicy: { policy: 'same-origin' },
		strictTransportSecurity: ctx.config.origin.protocol === 'https:'
	});
	await app.register(compress, COMPRESS_OPTIONS);
	if (ctx.config.rateLimitPerMinute > 0) {
		await app.register(rateLimit, {
			max: ctx.config.rateLimitPerMinute,
			timeWindow: '1 minute',
			store: databaseRateLimitStore(ctx.db)
		});
	}
	await registerOpenApi(app, { origin: ctx.config.origin.origin });

	await app.register(healthRoutes, { ctx });
	await app.register(metricsRoutes, { ctx, metrics });
	await app.register(jwksRoutes, { ctx });
	await app.register(mediaRoutes, { ctx });
	await app.register(apiV1, { ctx, prefix: '/api/v1' });
	app.all('/api/*', async (req, reply) =>
		reply.code(404).send({ error: 'NOT_FOUND', message: `No API route ${req.method} ${req.url}` })
	);

	if (kitBuildDir) {
		const clientDir = path.join(kitBuildDir, 'client');
		if (fs.existsSync(clientDir)) {
			await app.register(async (files) => {
				// Built files are the same for every visitor, signed in or not.
				files.addHook('onRoute', (route) => {
					route.config = { ...route.config, sameForEveryone: true };
				});
				await files.register(fastifyStatic, {
					root: clientDir,
					wildcard: false,
					preCompressed: true,
					setHeaders: (reply, filePath) => {
						if (filePath.includes(`${path.sep}_app${path.sep}immutable${path.sep}`)) {
							reply.header('cache-control', `public, max-age=${YEAR}, immutable`);
						}
					}
				});
			});
		}
		// Certificate PDFs render in a worker thread, so one learner cannot stall every page.
		const pdfRenderer = ctx.pdfRenderer ?? createPdfRenderer();
		app.addHook('onClose', () => pdfRenderer.close());
		await registerKit(app, { buildDir: kitBuildDir, ctx: { ...ctx, pdfRenderer } });
	}
	return app;
}
