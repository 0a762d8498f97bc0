import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { markContentChanged } from '../../helpers/content.ts';
import { schema } from '../../../src/lib/server/db/index.ts';

// The anonymous page cache (src/server/page-cache.ts): what it replays, and what it must never.
let h: TestApp;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
});
afterAll(() => h.close());

const PG = '/fr/courses/participatory-governance';
const get = (url: string, headers: Record<string, string> = {}) =>
	h.app.inject({ url, headers: { 'accept-encoding': 'br', ...headers } });
const text = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) =>
	res.headers['content-encoding'] === 'br'
		? zlib.brotliDecompressSync(res.rawPayload).toString('utf8')
		: res.rawPayload.toString('utf8');

describe('anonymous page cache', () => {
	it('replays a public page byte for byte, with its headers, per encoding', async () => {
		const first = await get('/fr/courses?q=cache-probe');
		const second = await get('/fr/courses?q=cache-probe');
		expect(first.statusCode).toBe(200);
		expect(first.headers['x-page-cache']).toBe('miss');
		expect(second.headers['x-page-cache']).toBe('hit');
		expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
		for (const name of ['content-type', 'content-encoding', 'content-security-policy', 'etag'])
			expect(second.headers[name], name).toBe(first.headers[name]);
		// A first visit sets the language cookie; the replay does too, so the visitor's next `/`
		// still opens in French.
		expect(String(second.headers['set-cookie'])).toContain('tamkeen_locale=fr');
		expect(second.headers['cache-control']).toBe('private, no-store');
		// Another encoding is another entry.
		const gzip = await get('/fr/courses?q=cache-probe', { 'accept-encoding': 'gzip' });
		expect(gzip.headers['x-page-cache']).toBe('miss');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(text(second)).toContain('<html');
	});

	it('answers a matching If-None-Match with 304 from the cache', async () => {
		const first = await get('/fr/signin', { cookie: 'tamkeen_locale=fr' });
		const etag = String(first.headers.etag);
		const again = await get('/fr/signin', { cookie: 'tamkeen_locale=fr', 'if-none-match': etag });
		expect(again.headers['x-page-cache']).toBe('hit');
		expect(again.statusCode).toBe(304);
		expect(again.rawPayload.length).toBe(0);
	});

	it('never serves or stores a signed-in page, and never shows a signed-in name to a stranger', async () => {
		const session = cookiesFrom((await postForm(h.app, '/fr/register', registration())).headers);
		const name = registration().name;
		for (let i = 0; i < 2; i++) {
			const mine = await get('/fr', { cookie: session });
			expect(mine.headers['x-page-cache']).toBeUndefined();
			expect(text(mine)).toContain(name);
		}
		const stranger = await get('/fr');
		expect(text(stranger)).not.toContain(name);
		expect(text(await get('/fr'))).not.toContain(name);
	});

	it('forgets a page as soon as published content changes', async () => {
		expect((await get(PG)).headers['x-page-cache']).toBe('miss');
		expect((await get(PG)).headers['x-page-cache']).toBe('hit');
		const [pg] = h.t.db
			.select()
			.from(schema.course)
			.where(eq(schema.course.slug, 'participatory-governance'))
			.all();
		const mod = h.t.db
			.select()
			.from(schema.module)
			.where(eq(schema.module.courseId, pg!.id))
			.all()[0]!;
		h.t.db
			.update(schema.module)
			.set({ title: { ...mod.title, fr: 'Module renommé pour le cache' } })
			.where(eq(schema.module.id, mod.id))
			.run();
		markContentChanged(h.t.db);
		const after = await get(PG);
		expect(after.headers['x-page-cache']).toBe('miss');
		expect(text(after)).toContain('Module renommé pour le cache');
	});

	it('stores only listed public routes and only 200 answers', async () => {
		for (const url of ['/fr/verify', '/fr/register', '/fr/courses/no-such-course']) {
			await get(url);
			const again = await get(url);
			expect(again.headers['x-page-cache'], url).toBeUndefined();
		}
	});
});

describe('page cache settings', () => {
	it('lets an entry expire after PAGE_CACHE_SECONDS, and 0 turns the cache off', async () => {
		const short = await buildTestApp({ kit: true, env: { PAGE_CACHE_SECONDS: '1' } });
		const off = await buildTestApp({ kit: true, env: { PAGE_CACHE_SECONDS: '0' } });
		try {
			const at = (t: TestApp) =>
				t.app.inject({ url: '/ar', headers: { cookie: 'tamkeen_locale=ar' } });
			await at(short);
			expect((await at(short)).headers['x-page-cache']).toBe('hit');
			await new Promise((r) => setTimeout(r, 1100));
			expect((await at(short)).headers['x-page-cache']).toBe('miss');
			await at(off);
			expect((await at(off)).headers['x-page-cache']).toBeUndefined();
		} finally {
			await short.close();
			await off.close();
		}
	});
});
