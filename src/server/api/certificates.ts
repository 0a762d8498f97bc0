import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import { verifyCertificateCode } from '../../lib/server/certificates/registry.ts';
import { checkCredential } from '../../lib/server/certificates/issued-credential.ts';
import type { AppContext } from '../context.ts';
import { ErrorBody } from './schemas.ts';

const Localised = Type.Object({
	ar: Type.Optional(Type.String()),
	fr: Type.Optional(Type.String()),
	en: Type.Optional(Type.String())
});
const CertificateBody = Type.Object({
	status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
	code: Type.String(),
	type: Type.String(),
	holderName: Type.String(),
	courseSlug: Type.String(),
	courseTitle: Localised,
	courseVersion: Type.String(),
	hours: Type.Number(),
	score: Type.Union([Type.Number(), Type.Null()]),
	issuedAt: Type.String(),
	issuerName: Type.String(),
	revoked: Type.Union([Type.Object({ at: Type.String(), reason: Type.String() }), Type.Null()])
});

// Verification is public and unauthenticated, so it is rate-limited more tightly than the site.
const verifyLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Public certificate verification: by code, and for a signed credential. */
export const certificateRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/certificates/:code',
			{
				config: verifyLimit,
				schema: {
					operationId: 'verifyCertificate',
					summary: 'Verify a certificate by its code',
					tags: ['certificates'],
					params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
					response: { 200: CertificateBody, 400: ErrorBody, 404: ErrorBody }
				}
			},
			async (req, reply) => {
				const r = verifyCertificateCode(ctx.db, req.params.code);
				if (r.status === 'malformed')
					return reply.code(400).send({
						error: 'MALFORMED_CODE',
						message: 'Certificate codes look like TMK-XXXX-XXXX-XX.'
					});
				if (r.status === 'unknown')
					return reply
						.code(404)
						.send({ error: 'UNKNOWN_CERTIFICATE', message: `No certificate ${r.code}.` });
				return { status: r.status, ...r.certificate };
			}
		);

		app.post(
			'/credentials/verify',
			{
				config: verifyLimit,
				schema: {
					operationId: 'verifyCredential',
					summary: 'Check an Open Badges credential (VC-JWT): our signature and revocation',
					tags: ['certificates'],
					body: Type.Object({ credential: Type.String({ minLength: 1, maxLength: 20000 }) }),
					response: {
						200: Type.Object({
							valid: Type.Boolean(),
							reason: Type.Optional(Type.String()),
							code: Type.Optional(Type.String())
						})
					}
				}
			},
			async (req) => checkCredential(ctx, req.body.credential)
		);
	}
);
