// Saving a lesson (or a translation) into the draft, audited with who and which file.
import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { draftText, saveDraftFile, sha256 } from './draft-files.ts';
import { writeLessonFields, type LessonFields } from './lesson-edit.ts';
import { draftHash, hashOf } from './lesson-draft.ts';

/** The longest lesson file the studio accepts (a 900-word lesson is ~10 kB). */
export const MAX_LESSON_CHARS = 200_000;

/**
 * Writes the fields into the lesson file at `path` and returns the file's new hash. A missing
 * translation starts from `template` (the source lesson: its sources and outcomes stay until
 * translated). With `expectedHash` (the file's hash when the editor opened it, or `NO_FILE`), a
 * file someone else saved meanwhile is refused with `draft_changed` and left as they saved it.
 */
export function saveLesson(
	db: Db,
	{
		actorId,
		courseId,
		path,
		fields,
		template = null,
		expectedHash,
		now = new Date()
	}: {
		actorId: string;
		courseId: number;
		path: string;
		fields: LessonFields;
		template?: string | null;
		/** Omitted by callers that have no editor state to protect (imports, scripts). */
		expectedHash?: string;
		now?: Date;
	}
): string {
	if (fields.body.length + fields.title.length > MAX_LESSON_CHARS)
		throw new DomainError('too_long', 'body');
	if (fields.title.trim() === '') throw new DomainError('required', 'title');
	if (!/^[1-9]\d{0,3}$/.test(fields.minutes.trim()))
		throw new DomainError('invalid_minutes', 'minutes');
	// Read, compare and write in one immediate transaction: it holds the write lock from its
	// first read, so no other save (another worker process included) lands between check and write.
	return db.transaction(
		(tx) => {
			const before = draftText(tx, courseId, path);
			if (expectedHash !== undefined && expectedHash !== hashOf(draftHash(tx, { courseId, path })))
				throw new DomainError('draft_changed', 'body');
			const text = writeLessonFields(before ?? template ?? '', {
				...fields,
				minutes: fields.minutes.trim()
			});
			saveDraftFile(tx, { courseId, path, text, actorId, now });
			recordAudit(
				tx,
				{
					actorId,
					action: 'studio.draft.save',
					subjectType: 'course',
					subjectId: String(courseId),
					details: { path, created: before === null }
				},
				now
			);
			return sha256(text);
		},
		{ behavior: 'immediate' }
	);
}
