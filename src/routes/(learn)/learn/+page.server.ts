import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { myLearning } from '$lib/server/learning/course-view';
import { localeOrder, pick } from '$lib/server/learning/types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { locale } = event.locals;
	return {
		courses: myLearning(event.locals.ctx.db, { userId: user.id }).map(({ course, progress, resume }) => {
			const order = localeOrder(locale, course.locales);
			return {
				slug: course.slug,
				title: pick(course.title, order),
				percent: progress.percent,
				done: progress.done,
				total: progress.total,
				resume: resume ? `/courses/${course.slug}/${resume.moduleSlug}/${resume.lessonSlug}` : null
			};
		})
	};
};
