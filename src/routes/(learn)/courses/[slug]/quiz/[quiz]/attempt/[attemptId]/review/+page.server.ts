import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { reviewAttempt } from '$lib/server/quiz/attempts/index';
import { reviewQuestionsView } from '$lib/quiz/review-questions';
import { certificateEarnedBy } from '$lib/server/certificates/earned-by-attempt';
import { attemptLanguageStay } from '$lib/server/quiz/attempts/language';
import { ownedAttempt } from '$lib/server/quiz/attempts/load';
import { attemptOf, locateQuiz } from '../../../quiz.server';

// A result page: server-rendered, no framework JavaScript needed.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { status, pretest, course, title, base } = locateQuiz(event, user);
	const db = event.locals.ctx.db;
	const view = attemptOf(event.locals.ctx, {
		attemptId: event.params.attemptId,
		userId: user.id,
		quizId: status.quizId
	});
	if (view.status === 'open') redirect(303, `${base}/attempt/${view.attemptId}`);
	const r = reviewAttempt(db, { attemptId: view.attemptId, userId: user.id });
	const labels = { true: m.quiz_true(), false: m.quiz_false() };
	return {
		course,
		quiz: { slug: event.params.quiz, title, pretest },
		deadline: event.url.searchParams.has('deadline') || r.submittedBy === 'deadline',
		// Reviewed in the language it was taken in; say so when that is not the page's (issue 11 §7).
		language: attemptLanguageStay(
			db,
			ownedAttempt(db, { attemptId: view.attemptId, userId: user.id }),
			event.locals.locale
		),
		earned: certificateEarnedBy(db, { attemptId: view.attemptId, userId: user.id }),
		result: {
			score: r.score,
			max: r.max,
			percentage: r.percentage,
			status: r.status,
			kind: r.kind
		},
		questions: reviewQuestionsView(r, labels)
	};
};
