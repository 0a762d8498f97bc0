// The public impact page: only for a course that opted in (course.yaml `impact: public`), with
// the reports' small-cell rule, no names, no framework JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';

let h: TestApp;
const OPTED_IN = 'participatory-governance';

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	const run = (q: string) => h.t.db.run(sql.raw(q));
	const courseId = h.t.db.get<{ id: number }>(
		sql`select id from course where slug = ${OPTED_IN}`
	).id;
	// Tunis: 7 holders (5 women); Sfax: 2 holders; one learner without a governorate, no certificate.
	const learners: [string, string | null, string, boolean][] = [
		...Array.from({ length: 7 }, (_, i): [string, string | null, string, boolean] => [
			`T${String(i)}`,
			'TN-11',
			i < 5 ? 'woman' : 'man',
			true
		]),
		['S1', 'TN-61', 'woman', true],
		['S2', 'TN-61', 'man', true],
		['N1', null, 'man', false]
	];
	for (const [id, gov, gender, certified] of learners) {
		run(`insert into user (id, email, name, password_hash, gender, governorate_id, created_at, updated_at)
			values ('${id}', '${id}@example.tn', 'Secret Name ${id}', 'x', '${gender}', ${gov ? `'${gov}'` : 'null'}, 1, 1)`);
		run(`insert into enrolment (user_id, course_id, enrolled_at, last_active_at)
			values ('${id}', ${String(courseId)}, 1, 1)`);
		if (certified) {
			run(`insert into certificate (code, user_id, course_id, type, snapshot, identity_salt, issued_at)
				values ('C-${id}', '${id}', ${String(courseId)}, 'completion', '{}', 's', 1)`);
		}
	}
});
afterAll(() => h.close());

const get = (url: string) => h.app.inject({ url });

describe('/courses/[slug]/impact', () => {
	it('is public for a course that opted in, without framework JavaScript', async () => {
		const page = await get(`/fr/courses/${OPTED_IN}/impact`);
		expect(page.statusCode).toBe(200);
		expect(page.body).not.toContain('/_app/immutable/entry');
		expect(page.body).toContain('<svg');
	});

	it('shows 9 certificates, one governorate reached, 67 % women, Sfax as "< 5", and no name', async () => {
		const body = (await get(`/fr/courses/${OPTED_IN}/impact`)).body;
		const figure = (label: string) => {
			const at = body.indexOf(label);
			expect(at).toBeGreaterThan(0);
			return body.slice(at, body.indexOf('</dd>', at));
		};
		// The figure may sit between Svelte's block markers (<!--[-1-->9<!--]-->).
		expect(figure('Certificats délivrés')).toMatch(
			/<dd[^>]*>\s*(<!--[^>]*-->)?9(<!--[^>]*-->)?\s*$/
		);
		expect(figure('Gouvernorats atteints')).toMatch(/<dd[^>]*>\s*1\s*$/);
		expect(figure('Part des femmes')).toMatch(/67\s*%/);
		const sfax = body.slice(body.search(/<th scope="row"[^>]*>Sfax<\/th>/));
		expect(sfax.slice(0, sfax.indexOf('</tr>'))).toContain('&lt; 5');
		expect(body).not.toContain('Secret Name');
	});

	it('is a 404 for a course that did not opt in, and for an unknown course', async () => {
		expect((await get('/fr/courses/strategic-urban-planning/impact')).statusCode).toBe(404);
		expect((await get('/fr/courses/no-such-course/impact')).statusCode).toBe(404);
	});

	it('is right to left in Arabic', async () => {
		const page = await get(`/ar/courses/${OPTED_IN}/impact`);
		expect(page.statusCode).toBe(200);
		expect(page.body).toMatch(/<html[^>]*dir="rtl"/);
		// "< 5" isolated left to right, else the bidi algorithm shows "5 >" (more than 5).
		expect(page.body).toMatch(/<bdi dir="ltr" class="suppressed[^"]*">&lt; 5<\/bdi>/);
		expect(page.body).not.toMatch(/<td>\s*&lt; 5/);
	});
});
