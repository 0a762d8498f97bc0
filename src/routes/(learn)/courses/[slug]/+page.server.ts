import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import {
	canReadFacilitatorGuide,
	canViewResults,
	courseStaff,
	worksheetAccess
} from '$lib/server/access/index';
import { assignmentState, isAssignmentSlug } from '$lib/server/courses/assignments';
import { findFacilitatorGuide, listWorksheets } from '$lib/server/learning/print-pages';
import { viewCourse } from '$lib/server/learning/course-view';
import { enrol } from '$lib/server/learning/enrolment';
import { localeOrder, localText } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { parseForm } from '$lib/server/input/check';
import { EnrolmentForm } from '$lib/server/input/courses';
import { quizStatusForCourse } from '$lib/server/quiz/attempts/index';
import { nextStep, skipPretest } from '$lib/server/learning/next-step';
import { stepPath } from '$lib/server/learning/next-step-rule';
import { presentNextStep } from '$lib/server/learning/next-step-view';
import { presentCohortNews } from '$lib/server/cohorts/learner-news';

// Enrolling is one form post: the course page ships no framework JavaScript (issue 15).
export const csr = false;

export const load: PageServerLoad = ({ locals, params }) => {
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const view = viewCourse(locals.ctx.db, { slug: params.slug, viewer, withNext: true });
	if (!view) error(404, { message: 'not_found' });
	const order = localeOrder(locals.locale, view.course.locales);
	const c = view.course;
	const { db } = locals.ctx;
	const staff = courseStaff(db, c.id);
	const statuses =
		view.enrolled && locals.user
			? quizStatusForCourse(db, { userId: locals.user.id, courseId: c.id })
			: [];
	const where = { courseId: c.id, locale: locals.locale, courseLocales: c.locales };
	const mayRead = worksheetAccess({ role: viewer?.role ?? null, enrolled: view.enrolled });
	return {
		course: {
			slug: c.slug,
			version: c.version,
			title: localText(c.title, order),
			summary: localText(c.summary, order),
			audience: localText(c.audience, order),
			outcomes: order.map((l) => c.outcomes[l]).find((o) => o?.length) ?? [],
			theme: c.theme,
			level: c.level,
			hours: c.hours,
			minutes: c.minutes,
			locales: c.locales,
			reviewed: c.reviewed,
			requiresKey: c.requiresKey,
			published: c.published
		},
		modules: view.modules.map((m) => ({
			slug: m.slug,
			title: localText(m.title, order),
			lessons: m.lessons.map((l) => ({
				slug: l.slug,
				title: localText(l.title, order),
				minutes: l.minutes,
				done: view.progress?.completedLessonIds.includes(l.id) ?? false
			})),
			percent: view.progress?.modules.find((p) => p.id === m.id)?.percent ?? null
		})),
		enrolled: view.enrolled,
		canViewResults: !!locals.user && canViewResults(locals.user, staff),
		worksheets: mayRead === 'read' ? listWorksheets(db, where) : [],
		facilitator:
			!!locals.user &&
			canReadFacilitatorGuide(locals.user, staff) &&
			findFacilitatorGuide(db, where) !== null,
		percent: view.progress?.percent ?? null,
		resume: view.resume,
		first: view.first,
		next: view.next
			? presentNextStep(view.next, { courseSlug: c.slug, modules: view.modules, order })
			: null,
		// Announcements and due dates, from the learner's own cohorts of this course only.
		news:
			view.enrolled && locals.user
				? presentCohortNews(db, {
						userId: locals.user.id,
						courseId: c.id,
						modules: view.modules,
						progress: view.progress,
						order
					})
				: null,
		quizzes: statuses
			.filter((q) => !isAssignmentSlug(q.slug))
			.map((q) => ({
				slug: q.slug,
				title: localText(q.title, order) || q.slug,
				passed: q.passed,
				bestPercentage: q.bestPercentage,
				attempts: q.attempts
			})),
		assignments: statuses
			.filter((q) => isAssignmentSlug(q.slug))
			.map((q) => ({
				slug: q.slug,
				title: localText(q.title, order) || q.slug,
				state: assignmentState(q),
				percent: q.bestPercentage
			}))
	};
};

export const actions: Actions = {
	enrol: async (event) => {
		const user = requireRole(event);
		const { db } = event.locals.ctx;
		const view = viewCourse(db, {
			slug: event.params.slug,
			viewer: { id: user.id, role: user.role }
		});
		if (!view) error(404, { message: 'not_found' });
		const parsed = parseForm(EnrolmentForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { message: errorText('enrolment_key_wrong') });
		const { key } = parsed.value;
		try {
			enrol(db, { userId: user.id, courseId: view.course.id, key });
		} catch (e) {
			return refuse(e);
		}
		// The first step after enrolling: the pre-test offer (on the course page, with "skip"), or
		// the lesson to read.
		const { step } = nextStep(db, {
			userId: user.id,
			courseId: view.course.id,
			modules: view.modules
		});
		redirect(303, afterStep(event.locals.locale, view.course.slug, step));
	},
	skipPretest: (event) => {
		const user = requireRole(event);
		const { db } = event.locals.ctx;
		const view = viewCourse(db, {
			slug: event.params.slug,
			viewer: { id: user.id, role: user.role }
		});
		if (!view) error(404, { message: 'not_found' });
		if (!view.enrolled) return fail(403, { message: errorText('not_enrolled') });
		skipPretest(db, { userId: user.id, courseId: view.course.id });
		const { step } = nextStep(db, {
			userId: user.id,
			courseId: view.course.id,
			modules: view.modules
		});
		redirect(303, afterStep(event.locals.locale, view.course.slug, step));
	}
};

function afterStep(locale: string, slug: string, step: Parameters<typeof stepPath>[1]): string {
	return step.kind === 'pretest'
		? `/${locale}/courses/${slug}#next-step-${slug}`
		: `/${locale}${stepPath(slug, step)}`;
}
