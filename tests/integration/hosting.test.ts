import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { postForm, postMultipart } from '../helpers/forms.ts';

// The part of an OpenAPI document these tests read.
type OpenApiDoc = {
	openapi: string;
	paths: Record<
		string,
		| {
				get?: {
					responses: Record<
						string,
						{ content: Record<string, { schema: { properties: Record<string, unknown> } }> }
					>;
				};
		  }
		| undefined
	>;
};

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true })));
afterAll(() => h.close());

describe('hosting SvelteKit inside Fastify', () => {
	it('serves a page with lang, dir and a CSP that allows no inline script', async () => {
		const res = await h.app.inject({ url: '/ar' });
		expect(res.statusCode).toBe(200);
		expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
		const csp = String(res.headers['content-security-policy']);
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
		expect(scriptSrc).not.toContain('unsafe-inline');
		// The home page ships no framework JavaScript (csr = false), so no inline script at all;
		// a page that hydrates carries the hash of its one inline bootstrap script.
		expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
		const hydrated = await h.app.inject({ url: '/ar/register' });
		const hydratedCsp = String(hydrated.headers['content-security-policy']);
		const hydratedScripts = hydratedCsp.split(';').find((d) => d.trim().startsWith('script-src'))!;
		expect(hydratedScripts).toMatch(/'nonce-|'sha256-/);
		expect(hydratedScripts).not.toContain('unsafe-inline');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('compresses pages with brotli or gzip', async () => {
		const br = await h.app.inject({ url: '/fr', headers: { 'accept-encoding': 'br' } });
		expect(br.headers['content-encoding']).toBe('br');
		const gz = await h.app.inject({ url: '/fr', headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers['content-encoding']).toBe('gzip');
	});

	it('redirects / to the visitor’s language, Arabic when nothing matches', async () => {
		const fr = await h.app.inject({
			url: '/',
			headers: { 'accept-language': 'fr-TN,fr;q=0.9,en;q=0.5' }
		});
		expect(fr.statusCode).toBe(307);
		expect(fr.headers.location).toMatch(/\/fr$/);
		const de = await h.app.inject({ url: '/', headers: { 'accept-language': 'de-DE' } });
		expect(de.headers.location).toMatch(/\/ar$/);
		const none = await h.app.inject({ url: '/signin?next=%2Fx' });
		expect(none.headers.location).toMatch(/\/ar\/signin\?next=%2Fx$/);
	});

	it('passes urlencoded form posts to SvelteKit intact', async () => {
		const res = await postForm(h.app, '/fr/signin', {
			email: 'nobody@example.tn',
			password: 'wrong password'
		});
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('L’e-mail ou le mot de passe est incorrect.');
		// The email typed is echoed back, proving SvelteKit read the body.
		expect(res.body).toContain('nobody@example.tn');
	});

	it('passes multipart form posts to SvelteKit intact', async () => {
		const res = await postMultipart(h.app, '/en/signin', {
			email: 'multi@example.tn',
			password: 'wrong password'
		});
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('multi@example.tn');
		expect(res.body).toContain('The email or the password is not right.');
	});

	it('caches immutable assets for a year', async () => {
		const dir = path.resolve('build/client/_app/immutable/entry');
		const file = fs.readdirSync(dir).find((f) => f.endsWith('.js'))!;
		const res = await h.app.inject({
			url: `/_app/immutable/entry/${file}`,
			headers: { 'accept-encoding': 'br' }
		});
		expect(res.statusCode).toBe(200);
		expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(res.headers['content-encoding']).toBe('br');
	});

	it('answers unknown /api paths with JSON 404, never the HTML page', async () => {
		for (const url of ['/api/v1/nothing-here', '/api/other']) {
			const res = await h.app.inject({ url });
			expect(res.statusCode).toBe(404);
			expect(res.headers['content-type']).toMatch(/application\/json/);
			expect(res.json()).toMatchObject({ error: 'NOT_FOUND' });
		}
	});

	it('answers unknown pages with a localised 404 page', async () => {
		const res = await h.app.inject({ url: '/fr/nowhere' });
		expect(res.statusCode).toBe(404);
		expect(res.body).toContain('Page introuvable');
	});

	it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
		const doc = (await h.app.inject({ url: '/api/v1/openapi.json' })).json<OpenApiDoc>();
		expect(doc.openapi).toMatch(/^3\./);
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(['/api/v1/me', '/api/v1/governorates'])
		);
		expect(
			doc.paths['/api/v1/me']?.get?.responses['200']?.content['application/json']?.schema.properties
				.email
		).toBeTruthy();
	});
});

describe('/healthz', () => {
	it('is 200 after a real query', async () => {
		const res = await h.app.inject({ url: '/healthz' });
		expect(res.statusCode).toBe(200);
		expect(res.json()).toEqual({ status: 'ok' });
	});
});

describe('security headers', () => {
	it('let browsers send their Origin on same-site form posts (no-JS forms depend on it)', async () => {
		const res = await h.app.inject({ url: '/fr/signin' });
		expect(res.headers['referrer-policy']).toBe('same-origin');
	});
});
