import type { FastifyInstance } from 'fastify';
import { publicJwks } from '../../lib/server/certificates/keys.ts';
import type { AppContext } from '../context.ts';

/**
 * GET /.well-known/jwks.json: the public keys that sign certificates, current and retired,
 * so anyone can verify a credential without trusting us (private parts never leave DATA_DIR).
 */
export async function jwksRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
	app.get('/.well-known/jwks.json', { schema: { hide: true } }, async (_req, reply) => {
		reply.header('cache-control', 'public, max-age=300');
		reply.header('access-control-allow-origin', '*');
		return publicJwks(ctx.config.dataDir);
	});
}
