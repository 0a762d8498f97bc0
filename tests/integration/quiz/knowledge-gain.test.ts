import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { passAllQuizzes } from '../../helpers/learning.ts';
import { course, user } from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { startPretest, submitAttempt } from '../../../src/lib/server/quiz/attempts/index.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { ISSUER } from './fixture.ts';

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

describe('knowledge gained (trainers)', () => {
	it('shows each learner’s pre-test next to their best final, to trainers only', async () => {
		const courseId = h.t.db
			.select()
			.from(course)
			.where(eq(course.slug, 'participatory-governance'))
			.get()!.id;
		const fields = registration({ name: 'Nadia Learner' });
		const learnerCookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
		const userId = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
		enrol(h.t.db, { userId, courseId });
		// A blank pre-test scores 0; every final answer right scores 100.
		const pre = startPretest(h.t.db, { userId, courseId, locale: 'fr' });
		submitAttempt(h.t.db, { issuer: ISSUER, attemptId: pre.id, userId });
		passAllQuizzes(h.t.db, { userId, courseId });

		expect(
			(
				await h.app.inject({
					url: '/fr/courses/participatory-governance/results',
					headers: { cookie: learnerCookie }
				})
			).statusCode
		).toBe(403);
		const trainerUser = await createUser(h.t.db, {
			email: 'trainer@example.tn',
			name: 'Trainer',
			password: 'trainer passphrase',
			locale: 'fr',
			role: 'trainer',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		});
		// Results are for the course's own trainers (course.yaml or an admin's assignment), and
		// show the learners of the cohorts they run.
		assignCourseTrainer(h.t.db, { actorId: trainerUser.id, courseId, userId: trainerUser.id });
		const group = createCohort(h.t.db, {
			actor: { id: trainerUser.id, role: 'trainer', email: 'trainer@example.tn' },
			courseId,
			input: { name: 'Sfax, printemps' }
		});
		addMember(h.t.db, { cohortId: group.id, userId, method: 'picked', actorId: trainerUser.id });
		const trainer = cookiesFrom(
			(
				await postForm(h.app, '/fr/signin', {
					email: 'trainer@example.tn',
					password: 'trainer passphrase'
				})
			).headers
		);
		const page = await h.app.inject({
			url: '/fr/courses/participatory-governance/results',
			headers: { cookie: trainer }
		});
		expect(page.statusCode).toBe(200);
		const row = page.body.slice(page.body.indexOf('Nadia Learner'));
		expect(row).toMatch(
			/Nadia Learner<\/td>\s*<td[^>]*>(<bdi[^>]*>)?0\s?%(<\/bdi>)?<\/td>\s*<td[^>]*>(<bdi[^>]*>)?100\s?%(<\/bdi>)?<\/td>\s*<td[^>]*>(<!--[^>]*-->)?(<bdi[^>]*>)?\+100(<\/bdi>)?/
		);
		expect(
			(
				await h.app.inject({
					url: '/fr/courses/participatory-governance',
					headers: { cookie: trainer }
				})
			).body
		).toContain('Résultats et acquis (formateurs)');
	});
});
