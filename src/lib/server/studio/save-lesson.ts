// Saving a lesson (or a translation) into the draft, audited with who and which file.
import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { draftText, saveDraftFile } from './draft-files.ts';
import { writeLessonFields, type LessonFields } from './lesson-edit.ts';

/** The longest lesson file the studio accepts (a 900-word lesson is ~10 kB). */
export const MAX_LESSON_CHARS = 200_000;

/**
 * Writes the fields into the lesson file at `path`. A missing translation starts from
 * `template` (the source lesson: its sources and outcomes stay until translated).
 */
export function saveLesson(
	db: Db,
	{
		actorId,
		courseId,
		path,
		fields,
		template = null,
		now = new Date()
	}: {
		actorId: string;
		courseId: number;
		path: string;
		fields: LessonFields;
		template?: string | null;
		now?: Date;
	}
): void {
	if (fields.body.length + fields.title.length > MAX_LESSON_CHARS)
		throw new DomainError('too_long', 'body');
	if (fields.title.trim() === '') throw new DomainError('required', 'title');
	if (!/^[1-9]\d{0,3}$/.test(fields.minutes.trim()))
		throw new DomainError('invalid_minutes', 'minutes');
	const before = draftText(db, courseId, path);
	const text = writeLessonFields(before ?? template ?? '', {
		...fields,
		minutes: fields.minutes.trim()
	});
	db.transaction((tx) => {
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
	});
}
