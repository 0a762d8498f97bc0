import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../lib/server/config.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time: both sides hashed first, so lengths never differ or leak. */
function sameToken(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}

const isLoopback = (ip: string) =>
	ip === '::1' || ip.startsWith('127.') || (isIP(ip) === 6 && ip.startsWith('::ffff:127.'));

/**
 * Who may read /metrics: 'off' when neither METRICS_TOKEN nor METRICS_ALLOW_LOOPBACK is set (the
 * route then answers 404, as if absent); with a token, the bearer of that token; with loopback
 * allowed, a request from this machine that no proxy forwarded (a local reverse proxy would
 * otherwise make every visitor look local).
 */
export function metricsAccess(
	req: FastifyRequest,
	config: Pick<Config, 'metricsToken' | 'metricsAllowLoopback'>
): 'off' | 'allow' | 'unauthorised' {
	if (!config.metricsToken && !config.metricsAllowLoopback) return 'off';
	if (
		config.metricsAllowLoopback &&
		isLoopback(req.socket.remoteAddress ?? '') &&
		req.headers['x-forwarded-for'] === undefined &&
		req.headers.forwarded === undefined
	)
		return 'allow';
	const auth = req.headers.authorization ?? '';
	const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
	if (config.metricsToken && m?.[1] && sameToken(m[1], config.metricsToken)) return 'allow';
	return 'unauthorised';
}
