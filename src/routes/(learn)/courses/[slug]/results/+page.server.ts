import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canViewResults, courseStaff, visibleLearners } from '$lib/server/access/index';
import { viewCourse } from '$lib/server/learning/course-view';
import { knowledgeGain } from '$lib/server/quiz/knowledge-gain';
import { localeOrder, localText } from '$lib/server/text/localised';

// The course's trainers and admins only (canViewResults): names and scores are personal data,
// and a trainer sees the rows of the cohorts they run only (visibleLearners).
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const view = viewCourse(event.locals.ctx.db, {
		slug: event.params.slug,
		viewer: { id: user.id, role: user.role }
	});
	if (!view) error(404, { message: 'not_found' });
	const { db } = event.locals.ctx;
	allow(canViewResults(user, courseStaff(db, view.course.id)));
	const visible = visibleLearners(db, user, view.course.id);
	return {
		course: {
			slug: view.course.slug,
			title: localText(view.course.title, localeOrder(event.locals.locale, view.course.locales))
		},
		rows: knowledgeGain(db, { courseId: view.course.id }).filter(
			(r) => visible.all || visible.ids.has(r.userId)
		)
	};
};
