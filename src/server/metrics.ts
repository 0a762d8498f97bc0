import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from './context.ts';
import { routePattern } from './route-pattern.ts';
import { metricsAccess } from './metrics-access.ts';
import { ErrorBody } from './api/schemas.ts';
import { routePlugin } from './route-plugin.ts';
import { lockWaitMetrics } from './metrics-lock-wait.ts';
import { databaseSizes } from '../lib/server/ops/system-status.ts';
import { readLastBackup } from '../lib/server/ops/last-backup.ts';

// Both answer-saving paths: the API (quiz autosave) and the quiz page's form without JavaScript.
const ANSWER_SAVES = new Set([
	'POST /api/v1/attempts/:id/answers/:questionId',
	'POST /(learn)/courses/[slug]/quiz/[quiz]/attempt/[attemptId]'
]);

/** The metrics of one app: its own registry, so several apps (tests) never clash. */
function createMetrics(ctx: AppContext) {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	const registers = [registry];
	const duration = new Histogram({
		name: 'http_request_duration_seconds',
		help: 'Time to answer, per method, route pattern and status code',
		labelNames: ['method', 'route', 'status'],
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers
	});
	const errors = new Counter({
		name: 'http_errors_total',
		help: 'Answers with a 4xx or 5xx status, per route pattern and class',
		labelNames: ['route', 'class'],
		registers
	});
	const saves = new Counter({
		name: 'tamkeen_answer_saves_total',
		help: 'Quiz answers saved (API and form)',
		registers
	});
	new Gauge({
		name: 'tamkeen_active_sessions',
		help: 'Sessions that have not expired',
		registers,
		collect() {
			const row = ctx.db.$client
				.prepare('select count(*) as n from session where expires_at > ?')
				.get(Date.now()) as { n: number };
			this.set(row.n);
		}
	});
	const sizes = new Gauge({
		name: 'tamkeen_database_bytes',
		help: 'Size of the SQLite database file and of its write-ahead log',
		labelNames: ['file'],
		registers,
		collect() {
			const s = databaseSizes(ctx.config.databaseUrl);
			sizes.set({ file: 'database' }, s.databaseBytes);
			sizes.set({ file: 'wal' }, s.walBytes);
		}
	});
	const backup = new Gauge({
		name: 'tamkeen_last_backup_age_seconds',
		help: 'Seconds since the last backup started (-1: none recorded); see tamkeen_last_backup_ok',
		registers,
		collect() {
			const last = readLastBackup(ctx.config.dataDir);
			backup.set(last ? (Date.now() - Date.parse(last.at)) / 1000 : -1);
			backupOk.set(last?.ok ? 1 : 0);
		}
	});
	const backupOk = new Gauge({
		name: 'tamkeen_last_backup_ok',
		help: '1 when the last recorded backup succeeded',
		registers
	});
	lockWaitMetrics(registers);
	return { registry, duration, errors, saves };
}

export type Metrics = ReturnType<typeof createMetrics> | null;

/**
 * Measures every request (for /metrics) when metrics are on, from the root instance so every
 * route is counted; when closed (neither METRICS_TOKEN nor METRICS_ALLOW_LOOPBACK) nothing is
 * measured and this returns null.
 */
export function observeRequests(app: FastifyInstance, ctx: AppContext): Metrics {
	const on = Boolean(ctx.config.metricsToken) || ctx.config.metricsAllowLoopback;
	if (!on) return null;
	const metrics = createMetrics(ctx);
	app.addHook('onResponse', async (req, reply) => {
		const route = routePattern(req);
		const status = reply.statusCode;
		metrics.duration.observe(
			{ method: req.method, route, status: String(status) },
			reply.elapsedTime / 1000
		);
		if (status >= 400) metrics.errors.inc({ route, class: status >= 500 ? '5xx' : '4xx' });
		if (status < 400 && ANSWER_SAVES.has(`${req.method} ${route}`)) metrics.saves.inc();
	});
	return metrics;
}

/**
 * GET /metrics in Prometheus text format (prom-client): request rate and latency per route
 * pattern, 4xx/5xx counts, event-loop lag and the process's own numbers, answer saves, active
 * sessions, database and WAL size, last backup age, waits for another worker's write lock. Who
 * may read it: metrics-access.ts.
 */
export const metricsRoutes = routePlugin(
	(app: FastifyInstance, { ctx, metrics }: { ctx: AppContext; metrics: Metrics }) => {
		app.get(
			'/metrics',
			{
				config: { rateLimit: false },
				schema: {
					operationId: 'getMetrics',
					summary: 'Prometheus metrics (text format); closed unless METRICS_TOKEN is set',
					description:
						'Answers 404 unless METRICS_TOKEN (send it as `Authorization: Bearer …`) or METRICS_ALLOW_LOOPBACK=1 (requests from this machine, not forwarded by a proxy) is set.',
					tags: ['operations'],
					response: {
						200: {
							description: 'Prometheus text exposition format 0.0.4',
							content: { 'text/plain': { schema: { type: 'string' } } }
						},
						401: { ...ErrorBody, description: 'No token, or the wrong one' },
						404: { ...ErrorBody, description: 'Metrics are off' }
					}
				}
			},
			async (req, reply) => {
				const access = metricsAccess(req, ctx.config);
				if (access === 'off' || !metrics)
					return reply
						.code(404)
						.send({ error: 'NOT_FOUND', message: 'No route GET /metrics', requestId: req.id });
				if (access === 'unauthorised')
					return reply
						.code(401)
						.header('www-authenticate', 'Bearer realm="metrics"')
						.send({ error: 'UNAUTHORISED', message: 'Bearer token required', requestId: req.id });
				return reply
					.header('content-type', metrics.registry.contentType)
					.header('cache-control', 'no-store')
					.send(await metrics.registry.metrics());
			}
		);
	}
);
