import type { Role } from '../db/schema/index.ts';
import { canReadUnpublished } from './courses.ts';

export type ReadVerdict = 'read' | 'preview' | 'enrol' | 'signin';

/**
 * Who may read a lesson's text: enrolled learners; anyone for the course's first lesson
 * (the public preview); trainers and admins always (they prepare and check courses).
 */
export function lessonAccess({
	role,
	enrolled,
	isFirstLesson
}: {
	role: Role | null;
	enrolled: boolean;
	isFirstLesson: boolean;
}): ReadVerdict {
	if (role && canReadUnpublished({ role })) return 'read';
	if (enrolled) return 'read';
	if (isFirstLesson) return 'preview';
	return role ? 'enrol' : 'signin';
}

/** Worksheets are course material past the preview: whoever may read every lesson. */
export function worksheetAccess(args: { role: Role | null; enrolled: boolean }): ReadVerdict {
	return lessonAccess({ ...args, isFirstLesson: false });
}
