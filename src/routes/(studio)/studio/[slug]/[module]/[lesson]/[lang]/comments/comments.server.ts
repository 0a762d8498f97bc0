import { error } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/session';
import { requireRole } from '$lib/server/auth/guard';
import { canComment, canResolveComment, type StudioMembership } from '$lib/server/access/index';
import { draftOutline } from '$lib/server/studio/outline';
import {
	lessonThread,
	MAX_COMMENT_CHARS,
	MAX_QUOTE_CHARS,
	type LessonRef
} from '$lib/server/studio/review/comments';
import type { DbLike } from '$lib/server/db/index';
import { isLocale } from '$lib/server/text/localised';
import { openStudioCourse } from '../../../../studio-course.server';

type Params = { slug: string; module: string; lesson: string; lang: string };

/** The lesson a comment page or action is about, for someone who may read the draft. */
export function openLessonComments(event: { locals: App.Locals; url: URL; params: Params }) {
	const user = requireRole(event, 'trainer');
	const { slug, module: mod, lesson, lang } = event.params;
	const { course, membership } = openStudioCourse(event.locals.ctx, user, slug);
	if (!isLocale(lang)) error(404, { message: 'not_found' });
	const outline = draftOutline(event.locals.ctx.db, course.id, event.locals.locale);
	const l = outline.modules.find((x) => x.slug === mod)?.lessons.find((x) => x.slug === lesson);
	if (!l) error(404, { message: 'not_found' });
	const ref: LessonRef = { courseId: course.id, moduleSlug: mod, lessonSlug: lesson };
	return { user, membership, lang, ref, lessonTitle: l.title };
}

/** What the comments section shows: the thread and which forms the user may send. */
export function lessonComments(
	db: DbLike,
	{ user, membership, ref }: { user: SessionUser; membership: StudioMembership; ref: LessonRef }
) {
	return {
		thread: lessonThread(db, ref),
		canComment: canComment(user, membership),
		canResolve: canResolveComment(user, membership),
		maxChars: MAX_COMMENT_CHARS,
		maxQuote: MAX_QUOTE_CHARS
	};
}
