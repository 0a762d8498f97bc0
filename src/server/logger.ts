import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import pretty from 'pino-pretty';
import os from 'node:os';
import type { Writable } from 'node:stream';
import { routePattern } from './route-pattern.ts';

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
 * One line per answered request: request id (pino's `reqId`), method, route pattern (never the
 * raw URL, which can carry set-up tokens and certificate codes), status and milliseconds. At
 * `info` in production, so a log collector gets every request as one JSON object; at `debug` on
 * a terminal, so `npm start` shows start-up, warnings and errors rather than every asset. Failed
 * requests stay at `error`.
 */
export class RequestLogController extends LogController {
	constructor(private readonly level: 'info' | 'debug' = 'debug') {
		super();
	}

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
			reply.log[this.level](
				{
					method: request.method,
					route: routePattern(request),
					status: reply.statusCode,
					ms: Math.round(reply.elapsedTime * 10) / 10
				},
				'request completed'
			);
		}
	}

	override routeNotFound(request: FastifyRequest) {
		if (this.isLogDisabled(request)) return;
		request.log.debug(`Route ${request.method}:${request.url} not found`);
	}
}
