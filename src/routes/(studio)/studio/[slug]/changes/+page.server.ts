import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { canPublish } from '$lib/server/access/index';
import { draftChanges } from '$lib/server/studio/changes';
import { draftOutline } from '$lib/server/studio/outline';
import { openStudioCourse } from '../studio-course.server';

// What publishing the draft would change: lessons per language (with their line diff),
// questions by id and language, other files; for every studio role, before the owner publishes.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	const { db } = event.locals.ctx;
	const published = course.publishedVersionId !== null;
	return {
		slug: course.slug,
		title: draftOutline(db, course.id, event.locals.locale).title,
		published: published ? course.version : null,
		changes: draftChanges(db, { courseId: course.id, published }),
		canPublish: canPublish(user, membership)
	};
};
