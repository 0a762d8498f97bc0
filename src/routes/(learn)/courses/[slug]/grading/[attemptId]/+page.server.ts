import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as m from '$lib/paraglide/messages';
import { allow, canGrade, learnerCohorts } from '$lib/server/access/index';
import { DomainError } from '$lib/server/errors';
import { GradeForm } from '$lib/server/input/quiz';
import { parseForm } from '$lib/server/input/check';
import { attemptForGrading, gradeEssay } from '$lib/server/quiz/attempts/index';
import { parseNumericInput } from '$lib/server/quiz/grading/numeric';
import { localText } from '$lib/server/text/localised';
import { describeResponse } from '$lib/quiz/responses';
import { errorTexts, refuse } from '$lib/i18n/errors.server';
import { gradingCourse } from '../grading.server';

// Forms only: marking works without framework JavaScript, as every page must.
export const csr = false;

/** The attempt, if it belongs to this course and the reader may mark it; 404 otherwise. */
function locate(event: RequestEvent) {
	const { user, db, locales, course } = gradingCourse(event);
	const attemptId = Number(event.params.attemptId);
	if (!Number.isSafeInteger(attemptId) || attemptId <= 0) error(404, { message: 'not_found' });
	let found;
	try {
		found = attemptForGrading(db, { attemptId, locale: locales[0] ?? event.locals.locale });
	} catch (e) {
		if (e instanceof DomainError) error(404, { message: 'not_found' });
		throw e;
	}
	// Another course's attempt does not exist on this course's pages.
	if (found.courseId !== course.id) error(404, { message: 'not_found' });
	const cohorts = learnerCohorts(db, { learnerId: found.attempt.userId, courseId: course.id });
	allow(canGrade(user, { userId: found.attempt.userId }, cohorts));
	return { user, db, locales, course, found };
}

export const load: PageServerLoad = (event) => {
	const { locales, course, found } = locate(event);
	const labels = { true: m.quiz_true(), false: m.quiz_false() };
	return {
		course: { slug: course.slug, title: course.title },
		learner: found.learner,
		quizTitle: localText(found.quizTitle, locales) || found.quizSlug,
		result: {
			percentage: found.attempt.percentage,
			passed: found.attempt.passed,
			pending: found.attempt.pendingCount
		},
		items: found.items.map((item) => ({
			id: item.question.id,
			type: item.question.type,
			prompt: item.question.prompt,
			guidance: item.question.guidance ?? null,
			response: describeResponse(item.question, item.response, labels),
			score: item.score,
			max: item.max,
			correct: item.correct,
			rubric: item.rubric,
			marking: item.marking
		}))
	};
};

export const actions: Actions = {
	grade: async (event) => {
		const { user, db, found } = locate(event);
		const form = await event.request.formData();
		const parsed = parseForm(GradeForm, form);
		if (!parsed.ok) {
			const errors = errorTexts(parsed.errors);
			return fail(400, { ...parsed.echo, errors, message: Object.values(errors)[0] ?? '' });
		}
		const { questionId, score, feedback } = parsed.value;
		const item = found.items.find((i) => i.question.id === questionId);
		// Rubric points when the grader filled any criterion; otherwise the overall points.
		const criteria = item?.rubric ?? [];
		const text = (v: FormDataEntryValue | null) =>
			typeof v === 'string' ? v.trim().slice(0, 20) : '';
		const given = criteria.map((c) => [c.id, text(form.get(`r:${c.id}`))] as const);
		const useRubric = given.some(([, v]) => v !== '');
		const number = (v: string) => parseNumericInput(v) ?? Number.NaN;
		try {
			gradeEssay(db, {
				attemptId: found.attempt.id,
				questionId,
				score: useRubric ? 0 : number(score ?? ''),
				rubric: useRubric ? Object.fromEntries(given.map(([id, v]) => [id, number(v)])) : null,
				feedback: feedback ?? null,
				graderId: user.id,
				issuer: event.locals.ctx.config
			});
		} catch (e) {
			return refuse(e, { questionId, values: Object.fromEntries(given), score, feedback });
		}
		return { saved: questionId };
	}
};
