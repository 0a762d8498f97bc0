import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';

describe('when the database is gone', () => {
	it('/healthz answers 503 and an API error hides every internal detail', async () => {
		const h = await buildTestApp({ kit: false });
		h.t.db.$client.close();
		const health = await h.app.inject({ url: '/healthz' });
		expect(health.statusCode).toBe(503);
		expect(health.json()).toEqual({ status: 'unavailable' });
		const res = await h.app.inject({ url: '/api/v1/governorates' });
		expect(res.statusCode).toBe(500);
		const body = res.json<{ requestId: unknown }>();
		expect(body).toEqual({
			error: 'Internal Server Error',
			message: 'Something went wrong on our side.',
			requestId: body.requestId
		});
		expect(typeof body.requestId).toBe('string');
		expect(res.body).not.toMatch(/database|sqlite|at .*\.ts|stack/i);
		await h.app.close();
	});
});
