import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canViewItemAnalysis, courseStaff } from '$lib/server/access/index';
import { viewCourse } from '$lib/server/learning/course-view';
import { courseQuizAnalysis } from '$lib/server/quiz/analysis/report';
import { localeOrder, localText } from '$lib/server/text/localised';
import { readCohortFilter } from '$lib/server/cohorts/cohort-filter';

/** The course and the chosen quiz's item analysis, for the people who run the course. */
export function loadAnalysis(event: RequestEvent<{ slug: string }>) {
	const user = requireRole(event, 'trainer');
	const db = event.locals.ctx.db;
	const view = viewCourse(db, {
		slug: event.params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	allow(canViewItemAnalysis(user, courseStaff(db, view.course.id)));
	const locales = localeOrder(event.locals.locale, view.course.locales);
	const cohorts = readCohortFilter(db, {
		actor: user,
		courseId: view.course.id,
		param: event.url.searchParams.get('cohort')
	});
	const report = courseQuizAnalysis(db, {
		courseId: view.course.id,
		quizSlug: event.url.searchParams.get('quiz'),
		locales,
		learners: cohorts.learners
	});
	return {
		course: { slug: view.course.slug, title: localText(view.course.title, locales) },
		cohorts: { choices: cohorts.choices, chosen: cohorts.chosen },
		report
	};
}
