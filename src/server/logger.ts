import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import pretty from 'pino-pretty';
import os from 'node:os';
import type { Writable } from 'node:stream';

/**
 * The server log: readable lines for a person at a terminal, one JSON object per line for
 * everything else (log collectors, files, tests that read the output).
 */
export function loggerOptions({
	level,
	tty,
	destination,
	process: role
}: {
	level: string;
	tty: boolean;
	/** Where lines go; standard output unless a test captures them. */
	destination?: Writable;
	/** With WORKERS > 1: which process writes the line ('primary' or 'worker 2'). */
	process?: string;
}): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
	const base = role ? { base: { pid: process.pid, hostname: os.hostname(), process: role } } : {};
	if (!tty) return destination ? { level, stream: destination, ...base } : { level, ...base };
	return {
		level,
		...base,
		stream: pretty({
			...(destination ? { destination } : {}),
			colorize: true,
			translateTime: 'SYS:HH:MM:ss',
			ignore: 'pid,hostname',
			singleLine: true,
			// Synchronous: no worker thread, and nothing lost when the process exits.
			sync: true
		})
	};
}

/**
 * Per-request lines at `debug`, not `info`: at the default level `npm start` shows start-up,
 * warnings and errors, not one line per page and asset. Failed requests stay at `error`.
 */
export class RequestLogController extends LogController {
	override incomingRequest(request: FastifyRequest) {
		if (this.isLogDisabled(request)) return;
		request.log.debug({ req: request }, 'incoming request');
	}

	override requestCompleted(
		error: Error | null | undefined,
		request: FastifyRequest,
		reply: FastifyReply
	) {
		if (this.isLogDisabled(request)) return;
		if (error) {
			reply.log.error(
				{ res: reply, err: error, responseTime: reply.elapsedTime },
				'request errored'
			);
		} else {
			reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
		}
	}

	override routeNotFound(request: FastifyRequest) {
		if (this.isLogDisabled(request)) return;
		request.log.debug(`Route ${request.method}:${request.url} not found`);
	}
}
