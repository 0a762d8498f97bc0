import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { canExportQuiz, courseStaff } from '$lib/server/access/index';
import { startAttempt, startPretest } from '$lib/server/quiz/attempts/index';
import { attemptSettings, courseMeta, liveQuiz } from '$lib/server/quiz/attempts/load';
import { attemptLimits } from '$lib/server/quiz/attempts/start';
import { finalGate } from '$lib/server/quiz/attempts/final-gate';
import { localText } from '$lib/server/text/localised';
import { attemptLanguageStay, switchAttemptLanguage } from '$lib/server/quiz/attempts/language';
import { ownedAttempt } from '$lib/server/quiz/attempts/load';
import { refuse } from '$lib/i18n/errors.server';
import { locateQuiz } from './quiz.server';

// The intro needs no framework JavaScript: a summary and one form.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { view, status, pretest, course, title, order } = locateQuiz(event, user);
	const db = event.locals.ctx.db;
	const q = liveQuiz(db, status.quizId);
	const effective = attemptSettings(db, q);
	const pretestSize = courseMeta(db, q.courseId)?.pretest;
	if (pretest && typeof pretestSize !== 'number') error(404, { message: 'not_found' });
	// What stands before Start, shown before it rather than refused after (issue 11 §3).
	const gate =
		!pretest && q.slug === 'final'
			? finalGate(db, { userId: user.id, courseId: q.courseId })
			: null;
	// An attempt in progress in another language: say which, and why it cannot follow (issue 11 §7).
	const open = pretest ? null : status.openAttemptId;
	const stay = open
		? attemptLanguageStay(
				db,
				ownedAttempt(db, { attemptId: open, userId: user.id }),
				event.locals.locale
			)
		: null;
	const limits = attemptLimits(db, {
		userId: user.id,
		quizId: q.id,
		...q.settings,
		now: new Date()
	});
	return {
		course,
		quiz: { slug: event.params.quiz, title, pretest },
		settings: pretest
			? null
			: {
					passMark: effective.passMark,
					attempts: q.settings.attempts,
					attemptsLeft: limits.left,
					waitMinutes: status.openAttemptId ? 0 : Math.ceil(limits.waitSeconds / 60),
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
		missing: (gate?.missing ?? []).map((x) => ({
			slug: x.slug,
			title: localText(x.title, order) || x.slug
		})),
		openAttemptId: pretest ? null : status.openAttemptId,
		language: stay,
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
			const attempt = pretest
				? startPretest(db, { ...args, courseId: view.course.id })
				: startAttempt(db, { ...args, quizId: status.quizId, issuer: event.locals.ctx.config });
			attemptId = attempt.id;
			// Resuming from a page in another language follows it while nothing is answered yet.
			if (attempt.locale !== args.locale)
				switchAttemptLanguage(db, { attemptId, userId: user.id, locale: args.locale });
		} catch (e) {
			return refuse(e);
		}
		redirect(303, `${base}/attempt/${attemptId}`);
	}
};
