import type { FastifyError, FastifyInstance } from 'fastify';

/** 4xx answers say what was wrong; 5xx answers never show a stack or an internal message. */
export function registerErrorHandler(app: FastifyInstance) {
	app.setErrorHandler((err: FastifyError, req, reply) => {
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
	});
}
