import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { zipSync } from 'fflate';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { mediaVariant } from '../../../src/lib/server/db/schema/index.ts';
import { draftText } from '../../../src/lib/server/studio/draft-files.ts';

// Course images and course zips through real HTTP, as a browser without JavaScript sends them.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let owner: S, learner: S, other: S;
const SLUG = 'media-basics';
const BASE = `/fr/studio/${SLUG}`;
const ALTS = {
	alt_ar: 'ميناء صفاقس عند الفجر',
	alt_fr: 'Le port de Sfax à l’aube',
	alt_en: 'Sfax harbour at dawn'
};
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

type Part =
	{ name: string; value: string } | { name: string; file: string; type: string; data: Uint8Array };
/** A multipart form with files, as a browser sends it (the declared type is the browser's guess). */
function postFiles(url: string, parts: Part[], cookie: string) {
	const boundary = '----tamkeenmedia' + Math.random().toString(16).slice(2);
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const head =
			'file' in p
				? `--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"; filename="${p.file}"\r\ncontent-type: ${p.type}\r\n\r\n`
				: `--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"\r\n\r\n`;
		chunks.push(
			Buffer.from(head),
			'file' in p ? Buffer.from(p.data) : Buffer.from(p.value),
			Buffer.from('\r\n')
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return h.app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${boundary}`,
			origin: ORIGIN,
			cookie
		},
		payload: Buffer.concat(chunks)
	});
}
const altParts = (alts: Record<string, string> = ALTS): Part[] =>
	Object.entries(alts).map(([name, value]) => ({ name, value }));
const upload = (file: string, type: string, data: Uint8Array, alts = ALTS, locale = 'fr') =>
	postFiles(
		`/${locale}/studio/${SLUG}/media?/upload`,
		[{ name: 'image', file, type, data }, ...altParts(alts)],
		owner.cookie
	);

let png: Buffer;
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	owner = await signedIn(h.app, h.t.db, 'owner@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
	const created = await postForm(
		h.app,
		'/ar/studio?/create',
		{ slug: SLUG, source: 'ar', title_ar: 'الصور', title_fr: 'Images', title_en: 'Images' },
		owner.cookie
	);
	expect(created.statusCode).toBe(303);
	png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' } })
		.png()
		.toBuffer();
});
afterAll(() => h.close());

let name = '';
let variants: { hash: string; width: number; height: number }[] = [];

describe('course images', () => {
	it('accepts a PNG named .jpg (the bytes decide) and makes 360, 720 and 1080 px WebP copies', async () => {
		const res = await upload('Port Sfax.jpg', 'image/jpeg', png);
		expect(res.statusCode).toBe(200);
		name = /media\/(port-sfax-[0-9a-f]{8}\.webp)/.exec(res.body)?.[1] ?? '';
		expect(name).not.toBe('');
		// A new course is in Arabic only: one alt text, one snippet.
		expect(res.body).toContain(`![ميناء صفاقس عند الفجر](../media/${name})`);
		expect(draftText(h.t.db, courseIdOf(h.t.db, SLUG), `media/${name}`)).not.toBeNull();
		variants = h.t.db
			.select()
			.from(mediaVariant)
			.all()
			.sort((a, b) => a.width - b.width);
		expect(variants.map((v) => [v.width, v.height])).toEqual([
			[360, 202],
			[720, 405],
			[1080, 608]
		]);
	});

	it('refuses a text file named .png, with a French message and a 415', async () => {
		const res = await upload('notes.png', 'image/png', Buffer.from('hello, not an image\n'));
		expect(res.statusCode).toBe(415);
		expect(res.body).toContain('n’est pas une image PNG, JPEG ou WebP');
	});

	it('refuses SVG and says why, in Arabic', async () => {
		const svg = Buffer.from(
			'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		);
		const res = await upload('map.png', 'image/png', svg, ALTS, 'ar');
		expect(res.statusCode).toBe(415);
		expect(res.body).toContain('تُرفض صور SVG');
	});

	it('refuses an image over 5 MB with a 413, never a 500', async () => {
		const big = Buffer.concat([png.subarray(0, 8), Buffer.alloc(5 * 1024 * 1024)]);
		const res = await upload('big.png', 'image/png', big);
		expect(res.statusCode).toBe(413);
		expect(res.body).toContain('dépasse 5 Mo');
	});

	it('refuses an image whose canvas is too large (a decompression bomb)', async () => {
		const bomb = await sharp({
			create: { width: 7000, height: 6000, channels: 3, background: '#fff' }
		})
			.png({ compressionLevel: 9 })
			.toBuffer();
		const res = await upload('bomb.png', 'image/png', bomb);
		expect(res.statusCode).toBe(413);
		expect(res.body).toContain('trop de pixels');
	});

	it('requires the alt text of every course language', async () => {
		const res = await upload('other.png', 'image/png', png, { ...ALTS, alt_ar: ' ' });
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Décrivez l’image dans cette langue');
	});

	it('serves a draft image to the course studio roles only, kept out of caches', async () => {
		const url = `/media/${variants[0]!.hash}.webp`;
		const own = await h.app.inject({ url, headers: { cookie: owner.cookie } });
		expect(own.statusCode).toBe(200);
		expect(own.headers['content-type']).toBe('image/webp');
		expect(own.headers['cache-control']).toBe('private, no-store');
		expect((await h.app.inject({ url, headers: { cookie: learner.cookie } })).statusCode).toBe(404);
		expect((await h.app.inject({ url, headers: { cookie: other.cookie } })).statusCode).toBe(404);
		expect((await h.app.inject({ url })).statusCode).toBe(404);
		expect((await h.app.inject({ url: '/media/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
	});

	it('inserts the image in a lesson, publishes, and the reader gets srcset, size, lazy loading and the alt of its language', async () => {
		const ins = await postForm(
			h.app,
			`${BASE}/media?/insert`,
			{ name, lesson: '01-introduction/01-welcome', ...ALTS },
			owner.cookie
		);
		expect(ins.statusCode).toBe(200);
		const ar = draftText(h.t.db, courseIdOf(h.t.db, SLUG), '01-introduction/01-welcome.ar.md');
		expect(ar).toContain(`![ميناء صفاقس عند الفجر](../media/${name})`);
		const pub = await postForm(h.app, `${BASE}?/publish`, { bump: 'minor' }, owner.cookie);
		expect(pub.statusCode).toBe(200);
		const read = await get(`/ar/courses/${SLUG}/introduction/welcome`, learner.cookie);
		expect(read.statusCode).toBe(200);
		const img = /<img [^>]*>/.exec(read.body)?.[0] ?? '';
		expect(img).toContain('alt="ميناء صفاقس عند الفجر"');
		expect(img).toContain(`src="/media/${variants[1]!.hash}.webp"`);
		expect(img).toContain(`/media/${variants[0]!.hash}.webp 360w`);
		expect(img).toContain('width="1080"');
		expect(img).toContain('height="608"');
		expect(img).toContain('loading="lazy"');
	});

	it('serves a published image to anyone, cached for a year as immutable', async () => {
		const res = await h.app.inject({ url: `/media/${variants[2]!.hash}.webp` });
		expect(res.statusCode).toBe(200);
		expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await sharp(res.rawPayload).metadata()).width).toBe(1080);
	});
});

const zipUpload = (data: Uint8Array) =>
	postFiles(
		`${BASE}/files?/upload`,
		[{ name: 'zip', file: 'course.zip', type: 'application/zip', data }],
		owner.cookie
	);

describe('the course as a zip', () => {
	it('downloads the draft with its image, and the same zip uploads back changing nothing', async () => {
		const res = await h.app.inject({
			url: `${BASE}/files/draft.zip`,
			headers: { cookie: owner.cookie }
		});
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toBe('application/zip');
		const back = await zipUpload(res.rawPayload);
		expect(back.statusCode).toBe(200);
		expect(back.body).toContain('Fichiers modifiés');
		expect(back.body).toMatch(/Fichiers modifiés\u202f: 0/);
	});

	it('refuses a zip whose paths climb out of the course folder, writing nothing', async () => {
		const before = draftText(h.t.db, courseIdOf(h.t.db, SLUG), 'course.yaml');
		const evil = zipSync({
			'course.yaml': Buffer.from('x: 1\n'),
			'../../evil.md': Buffer.from('x')
		});
		const res = await zipUpload(evil);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('sort du dossier du cours');
		expect(draftText(h.t.db, courseIdOf(h.t.db, SLUG), 'course.yaml')).toBe(before);
	});

	it('refuses a zip bomb by its unpacked size and a zip of too many files', async () => {
		const bomb = zipSync({ 'a/course.yaml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect((await zipUpload(bomb)).statusCode).toBe(413);
		const many = zipSync(
			Object.fromEntries(
				Array.from({ length: 1001 }, (_, i) => [`m/${String(i)}.md`, new Uint8Array(1)])
			)
		);
		expect((await zipUpload(many)).statusCode).toBe(413);
	});

	it('refuses a file that is not part of a course, and lists checker errors with file and line', async () => {
		const exe = zipSync({
			'course.yaml': Buffer.from('x: 1\n'),
			'run.sh': Buffer.from('rm -rf /')
		});
		const res = await zipUpload(exe);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('n’appartient pas à un cours');
		const broken = zipSync({ [`${SLUG}/course.yaml`]: Buffer.from('slug: [\n') });
		const checked = await zipUpload(broken);
		expect(checked.statusCode).toBe(422);
		expect(checked.body).toContain('course.yaml, ligne');
	});
});
