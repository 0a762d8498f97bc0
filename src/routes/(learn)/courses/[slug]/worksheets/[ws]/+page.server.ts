import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { worksheetAccess } from '$lib/server/access/index';
import { viewCourse } from '$lib/server/learning/course-view';
import { findWorksheet } from '$lib/server/learning/print-pages';
import { localeOrder, localText } from '$lib/server/text/localised';

// A printable page: no framework JavaScript.
export const csr = false;

// Whoever may read every lesson of the course (worksheetAccess): enrolled learners and staff.
export const load: PageServerLoad = (event) => {
	const { locals, params } = event;
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const view = viewCourse(locals.ctx.db, { slug: params.slug, viewer });
	if (!view) error(404, { message: 'not_found' });
	const access = worksheetAccess({ role: viewer?.role ?? null, enrolled: view.enrolled });
	if (access === 'signin') requireRole(event);
	if (access !== 'read') error(403, { message: 'enrol_required' });
	const page = findWorksheet(locals.ctx.db, {
		courseId: view.course.id,
		slug: params.ws,
		locale: locals.locale,
		courseLocales: view.course.locales
	});
	if (!page) error(404, { message: 'not_found' });
	const order = localeOrder(locals.locale, view.course.locales);
	return {
		course: { slug: view.course.slug, title: localText(view.course.title, order) },
		page
	};
};
