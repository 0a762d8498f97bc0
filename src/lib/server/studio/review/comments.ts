// Reviewers' comments on a draft lesson: a thread per lesson, replies one level deep, resolved
// and reopened by those who change the draft. Every change is audited (without the text, which
// erasure must be able to remove).
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbLike } from '../../db/index.ts';
import { studioComment, user } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import type { Locale } from '../../text/localised.ts';

/** The longest comment and quoted passage accepted (a comment is a remark, not a rewrite). */
export const MAX_COMMENT_CHARS = 2000;
export const MAX_QUOTE_CHARS = 500;

/** Which lesson a comment is about: slugs, which survive reordering. */
export type LessonRef = { courseId: number; moduleSlug: string; lessonSlug: string };

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

// Pasted text keeps its line breaks as typed; stray carriage returns and outer blanks go.
const clean = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** Adds a comment, or a reply to `parentId` (a comment that starts a thread on this lesson). */
export function addComment(
	db: Db,
	{
		actorId,
		lesson,
		locale,
		body,
		quote = '',
		parentId = null,
		now = new Date()
	}: {
		actorId: string;
		lesson: LessonRef;
		locale: Locale;
		body: string;
		quote?: string;
		parentId?: number | null;
		now?: Date;
	}
): number {
	const text = clean(body);
	const passage = clean(quote);
	if (text === '') throw new DomainError('required', 'body');
	if (text.length > MAX_COMMENT_CHARS) throw new DomainError('too_long', 'body');
	if (passage.length > MAX_QUOTE_CHARS) throw new DomainError('too_long', 'quote');
	if (parentId !== null && !threadStart(db, lesson, parentId)) throw new DomainError('not_found');
	return db.transaction((tx) => {
		const id = tx
			.insert(studioComment)
			.values({
				...lesson,
				locale,
				parentId,
				authorId: actorId,
				body: text,
				quote: passage === '' || parentId !== null ? null : passage,
				createdAt: now
			})
			.returning({ id: studioComment.id })
			.get().id;
		audit(tx, actorId, 'studio.comment.add', lesson, { commentId: id, locale, parentId }, now);
		return id;
	});
}

/** Marks a thread resolved, or open again. */
export function setCommentResolved(
	db: Db,
	{
		actorId,
		lesson,
		commentId,
		resolved,
		now = new Date()
	}: { actorId: string; lesson: LessonRef; commentId: number; resolved: boolean; now?: Date }
): void {
	if (!threadStart(db, lesson, commentId)) throw new DomainError('not_found');
	db.transaction((tx) => {
		tx.update(studioComment)
			.set(
				resolved ? { resolvedBy: actorId, resolvedAt: now } : { resolvedBy: null, resolvedAt: null }
			)
			.where(eq(studioComment.id, commentId))
			.run();
		const action = resolved ? 'studio.comment.resolve' : 'studio.comment.reopen';
		audit(tx, actorId, action, lesson, { commentId }, now);
	});
}

function threadStart(db: DbLike, lesson: LessonRef, id: number): boolean {
	const row = db
		.select({ id: studioComment.id })
		.from(studioComment)
		.where(and(eq(studioComment.id, id), isNull(studioComment.parentId), ofLesson(lesson)))
		.get();
	return row !== undefined;
}

const ofLesson = (l: LessonRef) =>
	and(
		eq(studioComment.courseId, l.courseId),
		eq(studioComment.moduleSlug, l.moduleSlug),
		eq(studioComment.lessonSlug, l.lessonSlug)
	);

function audit(
	tx: DbLike,
	actorId: string,
	action: string,
	l: LessonRef,
	details: Record<string, unknown>,
	now: Date
) {
	recordAudit(
		tx,
		{
			actorId,
			action,
			subjectType: 'course',
			subjectId: String(l.courseId),
			details: { lesson: `${l.moduleSlug}/${l.lessonSlug}`, ...details }
		},
		now
	);
}

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
