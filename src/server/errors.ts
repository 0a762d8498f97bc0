import type { FastifyInstance } from 'fastify';
import { DomainError } from '../lib/server/errors.ts';
import { describeError } from '../lib/server/error-table.ts';
import { apiLocale } from './locale.ts';

/**
 * A DomainError gets the status and sentence of the one table (as pages do), in the caller's
 * language; other 4xx answers say what was wrong; 5xx answers never show a stack or an internal
 * message.
 */
export function registerErrorHandler(app: FastifyInstance) {
	// Not only FastifyErrors arrive here: anything a handler or plugin throws does, with or
	// without a status and a code.
	app.setErrorHandler(
		(err: DomainError | (Error & { statusCode?: number; code?: string }), req, reply) => {
			if (err instanceof DomainError) {
				const r = describeError(err, apiLocale(req));
				return reply.code(r.status).send({
					error: r.code.toUpperCase(),
					message: r.message,
					...(r.field ? { field: r.field } : {}),
					requestId: req.id
				});
			}
			const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
			if (status >= 500) {
				req.log.error({ err }, 'request failed');
				return reply.code(status).send({
					error: 'Internal Server Error',
					message: 'Something went wrong on our side.',
					requestId: req.id
				});
			}
			return reply.code(status).send({
				error: err.code ?? 'BAD_REQUEST',
				message: err.message,
				requestId: req.id
			});
		}
	);
}
