import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole, checkRole } from '$lib/server/auth/guard';
import { DomainError } from '$lib/server/errors';
import { QuizError, startAttempt, startPretest } from '$lib/server/quiz/attempts/index';
import { attemptSettings, courseMeta, liveQuiz } from '$lib/server/quiz/attempts/load';
import { quizErrorText } from '$lib/i18n/errors.server';
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
		canExport: !pretest && checkRole(user, 'trainer') === 'ok'
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
					: startAttempt(db, { ...args, quizId: status.quizId })
			).id;
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			const code = e.code === 'cooldown' ? 429 : e.code === 'no_pretest' ? 404 : 403;
			return fail(code, {
				message: quizErrorText(e.code, e instanceof QuizError ? e.details : {})
			});
		}
		redirect(303, `${base}/attempt/${attemptId}`);
	}
};
