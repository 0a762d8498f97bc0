import { error } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/session';
import { allow, canReadDraft, studioMembership } from '$lib/server/access/index';
import { findStudioCourse } from '$lib/server/studio/my-courses';
import { ensureDraft } from '$lib/server/studio/ensure-draft';

/**
 * The course a studio page is about, for a user who may read its draft (404 otherwise, so a
 * course's existence is not told to strangers); its draft made from its files on first visit.
 */
export function openStudioCourse(ctx: App.Locals['ctx'], user: SessionUser, slug: string) {
	const c = findStudioCourse(ctx.db, slug);
	if (!c) error(404, { message: 'not_found' });
	const membership = studioMembership(ctx.db, user, c.id);
	allow(canReadDraft(user, membership), 'not_found');
	const hasDraft = ensureDraft(ctx.db, {
		courseId: c.id,
		slug: c.slug,
		coursesDir: ctx.config.coursesDir
	});
	return { course: c, membership, hasDraft };
}
