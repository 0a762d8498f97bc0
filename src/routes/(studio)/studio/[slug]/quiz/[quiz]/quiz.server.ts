import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { canEditDraft, canTranslate } from '$lib/server/access/index';
import { findDraftQuiz, draftLocales } from '$lib/server/studio/quiz/quiz-files';
import { readQuizDraft } from '$lib/server/studio/quiz/quiz-write';
import { checkQuizText } from '$lib/server/studio/quiz/quiz-check';
import { showProblem } from '$lib/i18n/quiz-problems';
import { LOCALES, type Locale } from '$lib/server/text/localised';
import { openStudioCourse } from '../../studio-course.server';

type QuizEvent = {
	locals: App.Locals;
	params: { slug: string; quiz: string };
	url: URL;
};

/**
 * One quiz of a course's draft, for a user who may read the draft (404 otherwise): its file,
 * text and hash as loaded, and what the user may change in it (everything, their languages'
 * texts as a translator, or nothing as a reviewer).
 */
export function openQuiz(event: QuizEvent) {
	const user = requireRole(event, 'trainer');
	const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	const { db } = event.locals.ctx;
	const quiz = findDraftQuiz(db, course.id, event.params.quiz);
	if (!quiz) error(404, { message: 'not_found' });
	const draft = readQuizDraft(db, { courseId: course.id, path: quiz.path });
	const canEdit = canEditDraft(user, membership);
	const languages: Locale[] = LOCALES.filter((l) => canTranslate(user, membership, l));
	return {
		user,
		course,
		quiz,
		draft,
		canEdit,
		/** The languages whose texts the user may change (all for an editor, none for a reader). */
		languages,
		locales: draftLocales(db, course.id)
	};
}

/** The checker's problems with the quiz's text as the draft holds it, in the reader's language. */
export function quizProblems(event: QuizEvent, opened: ReturnType<typeof openQuiz>) {
	if (!opened.draft.exists) return [];
	return checkQuizText(event.locals.ctx.db, {
		courseId: opened.course.id,
		path: opened.quiz.path,
		text: opened.draft.text
	}).map((p) => ({ ...showProblem(p), question: p.question }));
}
