import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { canExportQuiz, courseStaff } from '$lib/server/access/index';
import { startAttempt, startPretest } from '$lib/server/quiz/attempts/index';
import { attemptSettings, courseMeta, liveQuiz } from '$lib/server/quiz/attempts/load';
import { refuse } from '$lib/i18n/errors.server';
import { locateQuiz } from './quiz.server';

// The intro needs no framework JavaScript: a summary and one form.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { view, status, pretest, course, title } = locateQuiz(event, user);
	const db = event.locals.ctx.db;
	const q = liveQuiz(db, status.quizId);
	const effective = attemptSettings(db, q);
	const pretestSize = courseMeta(db, q.courseId)?.pretest;
	if (pretest && typeof pretestSize !== 'number') error(404, { message: 'not_found' });
	return {
		course,
		quiz: { slug: event.params.quiz, title, pretest },
		settings: pretest
			? null
			: {
					passMark: effective.passMark,
					attempts: q.settings.attempts,
					attemptsLeft:
						q.settings.attempts > 0 ? Math.max(0, q.settings.attempts - status.attempts) : null,
					cooldownMinutes: q.settings.cooldownMinutes,
					timeLimitMinutes: effective.timeLimitMinutes
				},
		best: pretest
			? null
			: {
					attempts: status.attempts,
					passed: status.passed,
					bestPercentage: status.bestPercentage,
					awaitingGrading: status.awaitingGrading
				},
		mastery: pretest ? null : status.mastery,
		openAttemptId: pretest ? null : status.openAttemptId,
		enrolled: view.enrolled,
		canExport: !pretest && canExportQuiz(user, courseStaff(db, view.course.id))
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = requireRole(event);
		const { view, status, pretest, order, base } = locateQuiz(event, user);
		const db = event.locals.ctx.db;
		let attemptId: number;
		try {
			const args = {
				userId: user.id,
				locale: order.find((l) => view.course.locales.includes(l)) ?? event.locals.locale
			};
			attemptId = (
				pretest
					? startPretest(db, { ...args, courseId: view.course.id })
					: startAttempt(db, { ...args, quizId: status.quizId, issuer: event.locals.ctx.config })
			).id;
		} catch (e) {
			return refuse(e);
		}
		redirect(303, `${base}/attempt/${attemptId}`);
	}
};
