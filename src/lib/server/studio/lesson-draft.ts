// One lesson file of the draft as the editor opens it: its fields and the hash they were read
// at. The hash travels with the form and the autosave, so a save can tell whether someone else
// saved the file since (optimistic locking, checked in save-lesson.ts).
import { and, eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { draftFile } from '../db/schema/index.ts';
import { readLessonFields, type LessonFields } from './lesson-edit.ts';

/** The hash a form carries for a lesson file the draft does not have yet. */
export const NO_FILE = 'none';

/** What the draft holds at `path` now: its fields and hash, or null when there is no such file. */
export function readLessonDraft(
	db: DbLike,
	{ courseId, path }: { courseId: number; path: string }
): { fields: LessonFields; hash: string } | null {
	const row = db
		.select({ content: draftFile.content, hash: draftFile.hash })
		.from(draftFile)
		.where(and(eq(draftFile.courseId, courseId), eq(draftFile.path, path)))
		.get();
	if (!row) return null;
	return { fields: readLessonFields(Buffer.from(row.content).toString('utf8')), hash: row.hash };
}

/** The stored hash of the file at `path`, or null when the draft has no such file. */
export function draftHash(
	db: DbLike,
	{ courseId, path }: { courseId: number; path: string }
): { hash: string } | null {
	return (
		db
			.select({ hash: draftFile.hash })
			.from(draftFile)
			.where(and(eq(draftFile.courseId, courseId), eq(draftFile.path, path)))
			.get() ?? null
	);
}

/** The hash to carry for what `readLessonDraft` returned. */
export const hashOf = (draft: { hash: string } | null): string => draft?.hash ?? NO_FILE;
