// Reading the review threads: a lesson's comments with their replies, and what is still open.
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../../db/index.ts';
import { studioComment, user } from '../../db/schema/index.ts';
import type { Locale } from '../../text/localised.ts';

/** Which lesson a comment is about: slugs, which survive reordering. */
export type LessonRef = { courseId: number; moduleSlug: string; lessonSlug: string };

/** The rows of one lesson's thread. */
export const ofLesson = (l: LessonRef) =>
	and(
		eq(studioComment.courseId, l.courseId),
		eq(studioComment.moduleSlug, l.moduleSlug),
		eq(studioComment.lessonSlug, l.lessonSlug)
	);

export type CommentView = {
	id: number;
	locale: Locale;
	/** Empty when the author's account was erased. */
	body: string;
	quote: string | null;
	authorName: string | null;
	createdAt: Date;
	resolvedAt: Date | null;
	resolvedByName: string | null;
};
export type ThreadItem = CommentView & { replies: CommentView[] };

/** A lesson's thread, oldest first, each comment with its replies. */
export function lessonThread(db: DbLike, lesson: LessonRef): ThreadItem[] {
	const author = alias(user, 'author');
	const resolver = alias(user, 'resolver');
	const rows = db
		.select({
			id: studioComment.id,
			parentId: studioComment.parentId,
			locale: studioComment.locale,
			body: studioComment.body,
			quote: studioComment.quote,
			authorName: author.name,
			createdAt: studioComment.createdAt,
			resolvedAt: studioComment.resolvedAt,
			resolvedByName: resolver.name
		})
		.from(studioComment)
		.leftJoin(author, eq(author.id, studioComment.authorId))
		.leftJoin(resolver, eq(resolver.id, studioComment.resolvedBy))
		.where(ofLesson(lesson))
		.orderBy(asc(studioComment.id))
		.all();
	const threads = new Map<number, ThreadItem>();
	for (const { parentId, ...c } of rows) {
		if (parentId === null) threads.set(c.id, { ...c, replies: [] });
		else threads.get(parentId)?.replies.push(c);
	}
	return [...threads.values()];
}

/** Open threads of a course: the total and per lesson (`module/lesson`). */
export function openCommentCounts(
	db: DbLike,
	courseId: number
): { total: number; byLesson: Record<string, number> } {
	const rows = db
		.select({
			moduleSlug: studioComment.moduleSlug,
			lessonSlug: studioComment.lessonSlug,
			n: count()
		})
		.from(studioComment)
		.where(
			and(
				eq(studioComment.courseId, courseId),
				isNull(studioComment.parentId),
				isNull(studioComment.resolvedAt)
			)
		)
		.groupBy(studioComment.moduleSlug, studioComment.lessonSlug)
		.all();
	const byLesson = Object.fromEntries(rows.map((r) => [`${r.moduleSlug}/${r.lessonSlug}`, r.n]));
	return { total: rows.reduce((s, r) => s + r.n, 0), byLesson };
}
