import type { SessionUser } from '$lib/server/auth/session';
import { canComment, canResolveComment, type StudioMembership } from '$lib/server/access/index';
import {
	lessonThread,
	MAX_COMMENT_CHARS,
	MAX_QUOTE_CHARS,
	type LessonRef
} from '$lib/server/studio/review/comments';
import type { DbLike } from '$lib/server/db/index';
import { openLesson } from '../lesson.server';

type Params = { slug: string; module: string; lesson: string; lang: string };

/** The lesson a comment page or action is about, for someone who may read the draft. */
export function openLessonComments(event: { locals: App.Locals; url: URL; params: Params }) {
	const { user, course, membership, lang, lesson } = openLesson(event);
	const ref: LessonRef = {
		courseId: course.id,
		moduleSlug: event.params.module,
		lessonSlug: lesson.slug
	};
	return { user, membership, lang, ref, lessonTitle: lesson.title };
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
