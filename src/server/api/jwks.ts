import type { FastifyInstance } from 'fastify';
import { routePlugin } from '../route-plugin.ts';
import { Type } from 'typebox';
import { publicJwks } from '../../lib/server/certificates/keys.ts';
import type { AppContext } from '../context.ts';

// RFC 8037 Ed25519 public keys, as keys.ts writes them.
const Jwks = Type.Object({
	keys: Type.Array(
		Type.Object({
			kid: Type.String(),
			kty: Type.Literal('OKP'),
			crv: Type.Literal('Ed25519'),
			x: Type.String(),
			alg: Type.Literal('EdDSA'),
			use: Type.Literal('sig')
		})
	)
});

/**
 * GET /.well-known/jwks.json: the public keys that sign certificates, current and retired,
 * so anyone can verify a credential without trusting us (private parts never leave DATA_DIR).
 */
export const jwksRoutes = routePlugin((app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
	app.get(
		'/.well-known/jwks.json',
		{
			config: { sameForEveryone: true },
			schema: {
				operationId: 'getSigningKeys',
				summary: 'Public keys that sign certificates (JWK Set), current and retired',
				tags: ['operations'],
				response: { 200: Jwks }
			}
		},
		async (_req, reply) => {
			reply.header('cache-control', 'public, max-age=300');
			reply.header('access-control-allow-origin', '*');
			return publicJwks(ctx.config.dataDir);
		}
	);
});
