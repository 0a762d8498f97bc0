import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canViewResults, courseStaff } from '$lib/server/access/index';
import { viewCourse } from '$lib/server/learning/course-view';
import { knowledgeGain } from '$lib/server/quiz/knowledge-gain';
import { localeOrder, localText } from '$lib/server/text/localised';

// The course's trainers and admins only (canViewResults): names and scores are personal data.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const view = viewCourse(event.locals.ctx.db, {
		slug: event.params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	allow(canViewResults(user, courseStaff(event.locals.ctx.db, view.course.id)));
	return {
		course: {
			slug: view.course.slug,
			title: localText(view.course.title, localeOrder(event.locals.locale, view.course.locales))
		},
		rows: knowledgeGain(event.locals.ctx.db, { courseId: view.course.id })
	};
};
