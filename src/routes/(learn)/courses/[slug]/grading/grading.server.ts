import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { viewCourse } from '$lib/server/learning/course-view';
import { localeOrder, localText } from '$lib/server/text/localised';
import type { Locale } from '$lib/server/text/localised';

/** The course a grading page belongs to, for a signed-in trainer or admin. */
export function gradingCourse(event: RequestEvent<{ slug: string }>) {
	const user = requireRole(event, 'trainer');
	const db = event.locals.ctx.db;
	const view = viewCourse(db, {
		slug: event.params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	const locales: Locale[] = localeOrder(event.locals.locale, view.course.locales);
	return {
		user,
		db,
		locales,
		course: {
			id: view.course.id,
			slug: view.course.slug,
			title: localText(view.course.title, locales)
		}
	};
}
