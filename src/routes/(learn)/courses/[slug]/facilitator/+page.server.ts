import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canReadFacilitatorGuide, courseStaff } from '$lib/server/access/index';
import { viewCourse } from '$lib/server/learning/course-view';
import { findFacilitatorGuide } from '$lib/server/learning/print-pages';
import { localeOrder, localText } from '$lib/server/text/localised';

export const csr = false;

// Session plans for running the course with a group: its trainers and admins only.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { db } = event.locals.ctx;
	const view = viewCourse(db, {
		slug: event.params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	allow(canReadFacilitatorGuide(user, courseStaff(db, view.course.id)));
	const order = localeOrder(event.locals.locale, view.course.locales);
	return {
		course: { slug: view.course.slug, title: localText(view.course.title, order) },
		page: findFacilitatorGuide(db, {
			courseId: view.course.id,
			locale: event.locals.locale,
			courseLocales: view.course.locales
		})
	};
};
