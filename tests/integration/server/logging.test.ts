import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { buildApp } from '../../../src/server/app.ts';
import { loggerOptions } from '../../../src/server/logger.ts';
import { createTestDb } from '../../helpers/db.ts';

/** A stream that keeps every line written to it. */
function sink() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _enc, done) {
			lines.push(...String(chunk).split('\n').filter(Boolean));
			done();
		}
	});
	return { lines, stream };
}

async function requestLines(level: string, requestLogLevel?: 'info' | 'debug') {
	const out = sink();
	const t = createTestDb();
	const config = loadConfig({ DATABASE_URL: t.file, RATE_LIMIT_PER_MINUTE: '0' });
	const app = await buildApp({
		ctx: { db: t.db, config },
		logger: loggerOptions({ level, tty: false, destination: out.stream }),
		...(requestLogLevel ? { requestLogLevel } : {})
	});
	await app.inject({ url: '/healthz' });
	await app.inject({ url: '/api/v1/nothing-here' });
	await app.inject({ url: '/api/v1/certificates/TMK-SECRET-CODE' });
	app.log.info('a start-up line');
	await app.close();
	t.close();
	return out.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
}

describe('the server log', () => {
	it('writes readable lines, not JSON, to a terminal', async () => {
		const out = sink();
		const app = Fastify({
			logger: loggerOptions({ level: 'info', tty: true, destination: out.stream })
		});
		app.log.info({ course: 'local-governance' }, 'course imported');
		await app.close();
		const line = out.lines.join('\n');
		expect(line).toMatch(/\d\d:\d\d:\d\d/);
		expect(line).toContain('INFO');
		expect(line).toContain('course imported');
		expect(line).toContain('local-governance');
		expect(line.trimStart().startsWith('{')).toBe(false);
	});

	it('writes one JSON object per line when the output is not a terminal', async () => {
		const out = sink();
		const app = Fastify({
			logger: loggerOptions({ level: 'info', tty: false, destination: out.stream })
		});
		app.log.info({ course: 'local-governance' }, 'course imported');
		await app.close();
		expect(out.lines.map((l) => JSON.parse(l) as unknown)).toMatchObject([
			{
				level: 30,
				msg: 'course imported',
				course: 'local-governance'
			}
		]);
		expect(loggerOptions({ level: 'warn', tty: false })).toEqual({ level: 'warn' });
	});

	it('logs requests at debug, so the default info level shows only what matters (issue 10 §6)', async () => {
		const info = await requestLines('info');
		expect(info.map((l) => l.msg)).toEqual(['a start-up line']);
		const debug = await requestLines('debug');
		const completed = debug.filter((l) => l.msg === 'request completed');
		expect(completed).toHaveLength(3);
		expect(completed.every((l) => l.level === 20)).toBe(true);
		expect(debug.filter((l) => l.msg === 'incoming request')).toHaveLength(3);
	});

	it('writes one JSON line per request in production: request id, route pattern, status, time, never the raw URL', async () => {
		const lines = (await requestLines('info', 'info')) as unknown as Record<string, unknown>[];
		const completed = lines.filter((l) => l.msg === 'request completed');
		expect(completed.map((l) => [l.route, l.status])).toEqual([
			['/healthz', 200],
			['unmatched', 404],
			['/api/v1/certificates/:code', 400]
		]);
		for (const l of completed) {
			expect(l.reqId).toMatch(/^[0-9a-f-]{36}$/);
			expect(typeof l.ms).toBe('number');
		}
		expect(JSON.stringify(lines)).not.toContain('TMK-SECRET-CODE');
	});
});
