import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import {
	certificate,
	course,
	quiz,
	quizAttempt,
	user
} from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';

// Issue 11 §4: the result page of the submission that earns the certificate says so and links to
// it (PDF, public page, credential); an attempt that earned nothing does not celebrate.
let h: TestApp;
let courseId: number;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	courseId = h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()!
		.id;
});
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

async function learner() {
	const fields = registration({ locale: 'fr' });
	const cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	enrol(h.t.db, { userId: id, courseId });
	return { cookie, id };
}
function attemptOf(userId: string, slug: string) {
	const q = h.t.db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, slug)))
		.get()!;
	return h.t.db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.userId, userId), eq(quizAttempt.quizId, q.id)))
		.get()!.id;
}

describe('passing is celebrated', () => {
	it('says the certificate is earned on the final’s result page, with its links', async () => {
		const { cookie, id } = await learner();
		finishLessons(h.t.db, { userId: id, courseId });
		passAllQuizzes(h.t.db, { userId: id, courseId });
		const code = h.t.db.select().from(certificate).where(eq(certificate.userId, id)).get()!.code;
		const page = await get(
			`/fr${PG}/quiz/final/attempt/${String(attemptOf(id, 'final'))}/review`,
			cookie
		);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Félicitations, vous avez obtenu votre certificat');
		expect(page.body).toContain(`href="/fr/certificates/${code}/pdf/fr"`);
		expect(page.body).toContain(`href="/fr/verify/${code}"`);
		expect(page.body).toContain(`href="/fr/certificates/${code}/credential"`);
		const learn = await get('/fr/learn', cookie);
		expect(learn.body).toContain('Attestation de réussite');
	});

	it('does not celebrate a module quiz passed before the course is complete', async () => {
		const { cookie, id } = await learner();
		passAllQuizzes(h.t.db, { userId: id, courseId, skip: ['final'] });
		const page = await get(
			`/fr${PG}/quiz/foundations/attempt/${String(attemptOf(id, 'foundations'))}/review`,
			cookie
		);
		expect(page.statusCode).toBe(200);
		expect(page.body).not.toContain('vous avez obtenu votre certificat');
	});
});
