import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { routePlugin } from '../../../src/server/route-plugin.ts';

describe('routePlugin', () => {
	it('registers the routes it is given', async () => {
		const app = Fastify();
		await app.register(
			routePlugin((scope: FastifyInstance) => {
				scope.get('/', () => ({ ok: true }));
			})
		);
		expect((await app.inject({ url: '/' })).json()).toEqual({ ok: true });
		await app.close();
	});

	it('rejects register() when registering throws, as an async plugin would', async () => {
		const app = Fastify();
		const twice = routePlugin((scope: FastifyInstance) => {
			scope.get('/', () => 1);
			scope.get('/', () => 2);
		});
		await expect(app.register(twice)).rejects.toMatchObject({ code: 'FST_ERR_DUPLICATED_ROUTE' });
		await app.close();
	});
});
