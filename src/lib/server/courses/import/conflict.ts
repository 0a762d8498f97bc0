// A studio-edited course is never overwritten by its folder; the importer notes instead that the
// folder differs, so an admin can choose (see studio/review/import-conflicts.ts).
import { eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/index.ts';
import { draftFile, importConflict } from '../../db/schema/index.ts';

/**
 * Notes that the course's folder now hashes to `hash`. The same hash changes nothing (a choice
 * already made stands); a new one reopens the conflict.
 */
export function recordImportConflict(
	db: DbLike,
	{ courseId, hash, now }: { courseId: number; hash: string; now: Date }
): void {
	db.insert(importConflict)
		.values({ courseId, filesHash: hash, status: 'open', detectedAt: now })
		.onConflictDoUpdate({
			target: importConflict.courseId,
			set: { filesHash: hash, status: 'open', detectedAt: now, decidedBy: null, decidedAt: null },
			setWhere: sql`${importConflict.filesHash} <> ${hash}`
		})
		.run();
}

/**
 * Whether someone changed the course's draft in the studio: a file saved by a person, added, or
 * different from what was published. Such a course is protected like a published studio edit:
 * importing its folder under an unpublished draft would let that draft, once published, undo
 * the folder's change without anyone seeing it. A draft only opened (copied from the folder,
 * nobody's edit) is not an edit.
 */
export function hasDraftEdits(db: DbLike, courseId: number): boolean {
	return (
		db
			.select({ one: sql`1` })
			.from(draftFile)
			.where(
				sql`${draftFile.courseId} = ${courseId} and (${draftFile.updatedBy} is not null
					or ${draftFile.baseHash} is null or ${draftFile.hash} <> ${draftFile.baseHash})`
			)
			.limit(1)
			.get() !== undefined
	);
}

/**
 * Forgets a draft nobody edited, so the studio's next visit copies the folder as imported now
 * rather than the files it replaced.
 */
export function dropUntouchedDraft(db: DbLike, courseId: number): void {
	db.delete(draftFile).where(eq(draftFile.courseId, courseId)).run();
}
