// Reviewers' comments on a draft lesson: a thread per lesson, replies one level deep, resolved
// and reopened by those who change the draft. Every change is audited (without the text, which
// erasure must be able to remove).
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/index.ts';
import { studioComment } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import type { Locale } from '../../text/localised.ts';
import { ofLesson, type LessonRef } from './thread.ts';

/** The longest comment and quoted passage accepted (a comment is a remark, not a rewrite). */
export const MAX_COMMENT_CHARS = 2000;
export const MAX_QUOTE_CHARS = 500;

export type { CommentView, LessonRef, ThreadItem } from './thread.ts';
export { lessonThread, openCommentCounts } from './thread.ts';

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
