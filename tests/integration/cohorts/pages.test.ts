import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import {
	cohort,
	cohortInvite,
	cohortMember,
	enrolment
} from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let admin: S, runner: S, other: S, learner: S;
let cohortId: number;
let code: string;

const PG = 'participatory-governance';
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	runner = await signedIn(h.app, h.t.db, 'runner@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	learner = await signedIn(h.app, h.t.db, 'amel@example.tn', 'learner');
	const courseId = courseIdOf(h.t.db, PG);
	for (const t of [runner, other])
		assignCourseTrainer(h.t.db, { actorId: admin.id, courseId, userId: t.id });
});
afterAll(() => h.close());

describe('cohort pages, without JavaScript', () => {
	it('a course trainer opens a cohort with a plain form and lands on its page', async () => {
		const page = await get('/ar/trainer/cohorts', runner.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('إحداث فوج');
		const res = await postForm(
			h.app,
			'/fr/trainer/cohorts?/create',
			{
				courseId: String(courseIdOf(h.t.db, PG)),
				name: 'Secrétaires généraux de Sfax',
				governorateId: '',
				startsOn: '2026-03-01',
				endsOn: '2026-05-31'
			},
			runner.cookie
		);
		expect(res.statusCode).toBe(303);
		cohortId = h.t.db.select().from(cohort).get()!.id;
		expect(res.headers.location).toBe(`/fr/trainer/cohorts/${cohortId}/manage`);
		expect((await get('/fr/trainer/cohorts', runner.cookie)).body).toContain(
			'Secrétaires généraux de Sfax'
		);
		expect((await get('/fr/trainer/cohorts', other.cookie)).body).not.toContain('Secrétaires');
	});

	it('refuses impossible dates with the reason in French, and writes nothing', async () => {
		const res = await postForm(
			h.app,
			'/fr/trainer/cohorts?/create',
			{ courseId: String(courseIdOf(h.t.db, PG)), name: 'Jendouba', startsOn: '2026-02-30' },
			runner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Saisissez une date valide');
		expect(h.t.db.select().from(cohort).all()).toHaveLength(1);
	});

	it('a learner joins with the link: signed out they are offered sign-in, then joined and enrolled', async () => {
		const made = await postForm(
			h.app,
			`/fr/trainer/cohorts/${cohortId}/manage?/invite`,
			{ days: '7', capacity: '' },
			runner.cookie
		);
		expect(made.statusCode).toBe(200);
		code = h.t.db.select().from(cohortInvite).get()!.code;
		const manage = await get(`/fr/trainer/cohorts/${cohortId}/manage`, runner.cookie);
		expect(manage.body).toContain(`/fr/join/${code}`);

		const anon = await get(`/ar/join/${code}`);
		expect(anon.statusCode).toBe(200);
		expect(anon.body).toContain('Secrétaires généraux de Sfax');
		expect(anon.body).toContain(`/ar/signin?next=${encodeURIComponent(`/ar/join/${code}`)}`);
		const joined = await postForm(h.app, `/fr/join/${code}`, {}, learner.cookie);
		expect(joined.statusCode).toBe(303);
		expect(joined.headers.location).toBe(`/fr/courses/${PG}`);
		expect(h.t.db.select().from(cohortMember).all()).toMatchObject([
			{ cohortId, userId: learner.id, joinedBy: 'code' }
		]);
		expect(
			h.t.db.select().from(enrolment).where(eq(enrolment.userId, learner.id)).all()
		).toHaveLength(1);
		const board = await get(`/fr/trainer/cohorts/${cohortId}`, runner.cookie);
		expect(board.statusCode).toBe(200);
		expect(board.body).toContain('amel@example.tn');
		expect(board.body).toMatch(/<form method="GET"/);
	});

	it('a withdrawn code answers 410 with the reason in the reader’s language', async () => {
		const inv = h.t.db.select().from(cohortInvite).get()!;
		const res = await postForm(
			h.app,
			`/fr/trainer/cohorts/${cohortId}/manage?/revoke`,
			{ inviteId: String(inv.id) },
			runner.cookie
		);
		expect(res.statusCode).toBe(200);
		const fr = await get(`/fr/join/${code}`);
		expect(fr.statusCode).toBe(410);
		expect(fr.body).toContain('Ce code d’inscription a été retiré');
		const ar = await get(`/ar/join/${code}`);
		expect(ar.statusCode).toBe(410);
		expect(ar.body).toContain('تم سحب رمز الانضمام هذا');
		expect((await get('/fr/join/NOSUCHCODE')).statusCode).toBe(404);
	});
});

describe('ownership: a trainer of the same course who does not run the cohort', () => {
	it('gets 404 on its pages and its forms, and nothing changes', async () => {
		expect((await get(`/fr/trainer/cohorts/${cohortId}`, other.cookie)).statusCode).toBe(404);
		expect((await get(`/fr/trainer/cohorts/${cohortId}/manage`, other.cookie)).statusCode).toBe(
			404
		);
		const forged = [
			['invite', { days: '7' }],
			['update', { name: 'Pris' }],
			['addTrainer', { userId: other.id }],
			['dueDates', {}]
		] as const;
		for (const [action, fields] of forged) {
			const res = await postForm(
				h.app,
				`/fr/trainer/cohorts/${cohortId}/manage?/${action}`,
				fields,
				other.cookie
			);
			expect(res.statusCode, action).toBe(404);
		}
		expect(h.t.db.select().from(cohortInvite).all()).toHaveLength(1);
		expect(h.t.db.select().from(cohort).get()!.name).toBe('Secrétaires généraux de Sfax');
		expect((await get(`/fr/trainer/cohorts/${cohortId}`, admin.cookie)).statusCode).toBe(200);
	});

	it('regression (interim rule replaced): the course results page lists only the learners of cohorts one runs', async () => {
		const mine = await get(`/fr/courses/${PG}/results`, runner.cookie);
		expect(mine.statusCode).toBe(200);
		expect(mine.body).toContain('amel');
		const theirs = await get(`/fr/courses/${PG}/results`, other.cookie);
		expect(theirs.statusCode).toBe(200);
		expect(theirs.body).not.toContain('amel');
		expect((await get(`/fr/courses/${PG}/results`, admin.cookie)).body).toContain('amel');
	});
});
