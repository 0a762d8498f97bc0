// What the quiz pages share: finding the quiz from the URL (a module slug, 'final', or 'pretest'
// for the pre-test drawn from the final), reading an attempt of it, and saving a posted form.
import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/session';
import { viewCourse } from '$lib/server/learning/course-view';
import { localeOrder, localText } from '$lib/server/text/localised';
import { DomainError } from '$lib/server/errors';
import {
	quizStatusForCourse,
	saveAnswer,
	viewAttempt,
	type AttemptView
} from '$lib/server/quiz/attempts/index';
import { changedResponses } from '$lib/quiz/responses';

type QuizEvent = { locals: App.Locals; params: Record<string, string | undefined> };

/** The course, the quiz and the learner's standing in it, or 404. */
export function locateQuiz(event: QuizEvent, user: SessionUser) {
	const { locals, params } = event;
	if (params.slug === undefined) error(404, { message: 'not_found' });
	const view = viewCourse(locals.ctx.db, {
		slug: params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	const pretest = params.quiz === 'pretest';
	const status = quizStatusForCourse(locals.ctx.db, {
		userId: user.id,
		courseId: view.course.id
	}).find((q) => q.slug === (pretest ? 'final' : params.quiz));
	if (!status) error(404, { message: 'not_found' });
	const order = localeOrder(locals.locale, view.course.locales);
	return {
		view,
		status,
		pretest,
		order,
		course: { slug: view.course.slug, title: localText(view.course.title, order) },
		title: localText(status.title, order) || status.slug,
		base: `/${locals.locale}/courses/${view.course.slug}/quiz/${params.quiz}`
	};
}

/** The learner's attempt of this quiz (404 for another quiz's or someone else's). */
export function attemptOf(
	{ db, config }: App.Locals['ctx'],
	{ attemptId, userId, quizId }: { attemptId: string | undefined; userId: string; quizId: number }
): AttemptView {
	const id = Number(attemptId);
	if (!Number.isSafeInteger(id) || id < 1) error(404, { message: 'not_found' });
	// Another learner's attempt throws DomainError('not_found'): a 404 through the error table.
	const view = viewAttempt(db, { attemptId: id, userId, issuer: config });
	if (view.quizId !== quizId) error(404, { message: 'not_found' });
	return view;
}

/** Where a closed attempt goes: its review, telling the learner when the clock closed it. */
export function toReview(base: string, view: Pick<AttemptView, 'attemptId' | 'deadlineAt'>): never {
	const late = view.deadlineAt !== null && view.deadlineAt.getTime() <= Date.now();
	redirect(303, `${base}/attempt/${view.attemptId}/review${late ? '?deadline=1' : ''}`);
}

/**
 * Saves every answer of the posted form that differs from what is stored. Returns the codes of
 * answers refused as malformed; an attempt closed meanwhile goes to its review.
 */
export function saveForm(
	{ db, config }: App.Locals['ctx'],
	{ view, userId, form, base }: { view: AttemptView; userId: string; form: FormData; base: string }
): string[] {
	const refused: string[] = [];
	const saved = Object.fromEntries(Object.entries(view.answers).map(([id, a]) => [id, a.response]));
	for (const [questionId, response] of changedResponses(view.questions, saved, form)) {
		try {
			saveAnswer(db, { attemptId: view.attemptId, userId, questionId, response, issuer: config });
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			if (e.code === 'deadline_passed' || e.code === 'attempt_submitted') toReview(base, view);
			refused.push(questionId);
		}
	}
	return refused;
}
