import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { certificate, course, user } from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { renderCertificatePdf } from '../../../src/lib/server/certificates/pdf.ts';
import type { CertificateSnapshot } from '../../../src/lib/server/certificates/types.ts';

// Regression tests for issue 9 #9: one learner could slow the whole site through PDFs.
let h: TestApp;
let cookie: string;
let code: string;
let snapshot: CertificateSnapshot;
function one<T>(row: T | undefined): T {
	if (row === undefined) throw new Error('expected a row');
	return row;
}
const lastLesson =
	'/courses/participatory-governance/transparency-and-accountability/tetouan-open-municipality';

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	const courseId = one(
		h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()
	).id;
	const fields = registration({ name: 'Amina Ben Salah' });
	cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const userId = one(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()).id;
	enrol(h.t.db, { userId, courseId });
	passAllQuizzes(h.t.db, { userId, courseId, locale: 'fr' });
	finishLessons(h.t.db, { userId, courseId, leave: 1 });
	await postForm(h.app, `/fr${lastLesson}?/complete`, {}, cookie);
	const row = one(h.t.db.select().from(certificate).where(eq(certificate.userId, userId)).get());
	code = row.code;
	snapshot = row.snapshot;
});
afterAll(() => h.close());

const download = (lang: string) =>
	h.app.inject({ url: `/fr/certificates/${code}/pdf/${lang}`, headers: { cookie } });

const cachedFiles = () => {
	const dir = path.join(path.dirname(h.t.file), 'certificates', 'pdf');
	return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
};

describe('one learner can slow the whole site through certificate PDFs (issue 9 #9)', () => {
	it('renders off the main thread: the event loop stays free while a PDF renders', async () => {
		// What one render costs when it runs on this thread, measured under today's load.
		const options = {
			locale: 'ar' as const,
			verifyUrl: 'http://localhost/ar/verify/x',
			issuer: 'T'
		};
		await renderCertificatePdf(snapshot, options);
		const started = performance.now();
		await renderCertificatePdf(snapshot, options);
		const inline = performance.now() - started;
		const histogram = monitorEventLoopDelay({ resolution: 5 });
		histogram.enable();
		const [pdf, catalog] = await Promise.all([
			download('ar'),
			h.app.inject({ url: '/fr/courses' })
		]);
		histogram.disable();
		expect(pdf.statusCode).toBe(200);
		expect(catalog.statusCode).toBe(200);
		expect(histogram.max / 1e6).toBeLessThan(inline / 2);
	});

	it('serves the second download from the stored bytes, without rendering again', async () => {
		expect((await download('fr')).statusCode).toBe(200);
		const files = cachedFiles();
		expect(files.length).toBeGreaterThanOrEqual(1);
		// Mark every stored file: only a download read from the store can return the mark.
		for (const f of files) fs.writeFileSync(f, '%PDF-1.7 stored');
		const again = await download('fr');
		expect(again.statusCode).toBe(200);
		expect(again.body).toBe('%PDF-1.7 stored');
	});

	it('answers too many downloads by one user with 429 and a message in their language', async () => {
		let res = await download('fr');
		for (let i = 0; i < 40 && res.statusCode === 200; i++) res = await download('fr');
		expect(res.statusCode).toBe(429);
		expect(res.headers['retry-after']).toMatch(/^\d+$/);
		expect(res.body).toContain('téléchargé');
	});
});
