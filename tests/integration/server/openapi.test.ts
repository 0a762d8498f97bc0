import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';

let h: TestApp;
let doc: OpenAPIV3.Document;
beforeAll(async () => {
	// With SvelteKit mounted: its catch-all is what made the document invalid.
	h = await buildTestApp({ kit: true });
	doc = (await h.app.inject({ url: '/api/v1/openapi.json' })).json();
});
afterAll(() => h.close());

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const operations = () =>
	Object.entries(doc.paths).flatMap(([path, item]) =>
		METHODS.flatMap((m) => (item?.[m] ? [{ path, method: m, op: item[m] }] : []))
	);

describe('the OpenAPI document', () => {
	it('is accepted by swagger-parser (issue 10 §5)', async () => {
		await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
	});

	it('describes the API, /healthz and the JWKS, and no page or fallback route', () => {
		const paths = Object.keys(doc.paths);
		expect(paths).toEqual(
			expect.arrayContaining(['/healthz', '/.well-known/jwks.json', '/api/v1/me'])
		);
		for (const p of paths) {
			expect(p).toMatch(/^\/api\/v1\/|^\/healthz$|^\/metrics$|^\/\.well-known\/jwks\.json$/);
			expect(p).not.toContain('*');
		}
		expect(paths).not.toContain('/api/v1/openapi.json');
	});

	it('gives every operation a unique operationId, a summary and typed responses', () => {
		const ops = operations();
		expect(ops.length).toBeGreaterThan(10);
		const ids = ops.map(({ op }) => op.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const { path, method, op } of ops) {
			const where = `${method.toUpperCase()} ${path}`;
			expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
			expect(op.summary, where).toBeTruthy();
			const codes = Object.keys(op.responses);
			expect(
				codes.some((c) => c.startsWith('2')),
				where
			).toBe(true);
			expect(codes, where).toContain('500');
			for (const code of codes) {
				const res = op.responses[code] as OpenAPIV3.ResponseObject;
				expect(res.description, `${where} ${code}`).not.toBe('Default Response');
				if (code === '204') continue;
				// Prometheus reads its own text format; every other body is JSON.
				const type = path === '/metrics' && code === '200' ? 'text/plain' : 'application/json';
				expect(res.content?.[type]?.schema, `${where} ${code}`).toBeTruthy();
			}
		}
	});

	it('answers every error with the one shared error schema', () => {
		const error = doc.components?.schemas?.Error as OpenAPIV3.SchemaObject;
		expect(error.required).toEqual(expect.arrayContaining(['error', 'message']));
		for (const { path, method, op } of operations()) {
			for (const [code, res] of Object.entries(op.responses)) {
				if (Number(code) < 400 || path === '/healthz') continue;
				const schema = (res as OpenAPIV3.ResponseObject).content?.['application/json']?.schema;
				expect(schema, `${method} ${path} ${code}`).toEqual({ $ref: '#/components/schemas/Error' });
			}
		}
	});

	it('documents the refusal of cross-site writes and validation errors where they can happen', () => {
		const codes = (path: string, method: 'get' | 'post') =>
			Object.keys(doc.paths[path]?.[method]?.responses ?? {});
		const save = codes('/api/v1/attempts/{id}/answers/{questionId}', 'post');
		expect(save).toEqual(expect.arrayContaining(['400', '403', '429', '500']));
		expect(codes('/api/v1/courses', 'get')).toEqual(['200', '429', '500']);
		expect(codes('/healthz', 'get')).toEqual(['200', '500', '503']);
	});

	it('documents the report operations with a bearer token scheme, their refusals and limit', () => {
		const schemes = doc.components?.securitySchemes ?? {};
		expect(schemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
		for (const path of ['/api/v1/reports', '/api/v1/reports/courses']) {
			const op = doc.paths[path]?.get;
			expect(op?.security, path).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
			expect(Object.keys(op?.responses ?? {}), path).toEqual(
				expect.arrayContaining(['200', '400', '401', '403', '429', '500'])
			);
		}
		const params = (doc.paths['/api/v1/reports']?.get?.parameters ??
			[]) as OpenAPIV3.ParameterObject[];
		expect(params.map((p) => p.name)).toEqual(
			expect.arrayContaining([
				'course',
				'from',
				'to',
				'completedFrom',
				'completedTo',
				'governorate',
				'position',
				'sex',
				'by',
				'by2'
			])
		);
	});

	it('matches what the routes really answer: errors carry the shared shape', async () => {
		const res = await h.app.inject({ url: '/api/v1/governorates?locale=de' });
		expect(res.statusCode).toBe(400);
		expect(Object.keys(res.json()).sort()).toEqual(['error', 'message', 'requestId']);
		const report = await h.app.inject({
			url: '/api/v1/reports',
			headers: { authorization: 'Bearer tamkeen_unknown' }
		});
		expect(report.statusCode).toBe(401);
		expect(report.json()).toMatchObject({ error: 'INVALID_TOKEN' });
		const jwks = await h.app.inject({ url: '/.well-known/jwks.json' });
		expect(jwks.statusCode).toBe(200);
	});
});
