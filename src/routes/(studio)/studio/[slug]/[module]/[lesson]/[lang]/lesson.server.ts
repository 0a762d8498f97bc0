import { error } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canTranslate } from '$lib/server/access/index';
import { draftText } from '$lib/server/studio/draft-files';
import { draftOutline } from '$lib/server/studio/outline';
import type { LessonFields } from '$lib/server/studio/lesson-edit';
import { hashOf, readLessonDraft } from '$lib/server/studio/lesson-draft';
import { saveLesson } from '$lib/server/studio/save-lesson';
import { DomainError } from '$lib/server/errors';
import type { Db } from '$lib/server/db/index';
import { isLocale } from '$lib/server/text/localised';
import { openStudioCourse } from '../../../studio-course.server';

type LessonEvent = Pick<RequestEvent, 'locals' | 'params' | 'url'>;

/**
 * One lesson in one language, for a user who may read the course's draft (404 otherwise):
 * shared by the editor page and its autosave endpoint, so both answer to the same rule.
 */
export function openLesson(event: LessonEvent) {
	const user = requireRole(event, 'trainer');
	const { slug, module: mod, lesson, lang } = event.params;
	const { course, membership } = openStudioCourse(event.locals.ctx, user, slug);
	if (!isLocale(lang)) error(404, { message: 'not_found' });
	const outline = draftOutline(event.locals.ctx.db, course.id, event.locals.locale);
	const l = outline.modules.find((x) => x.slug === mod)?.lessons.find((x) => x.slug === lesson);
	if (!l) error(404, { message: 'not_found' });
	const path = `${l.stem}.${lang}.md`;
	const sourcePath = `${l.stem}.${outline.source}.md`;
	return { user, course, membership, lang, lesson: l, path, sourcePath, source: outline.source };
}

export type SaveOutcome =
	| { ok: true; hash: string; fields: LessonFields }
	/** Someone else saved the file since `hash`: their version now (null if they deleted it). */
	| { ok: false; theirs: { hash: string; fields: LessonFields | null } };

/**
 * Saves the fields for a user who may write this language (a DomainError otherwise). A file
 * whose hash is no longer `hash` (as the editor loaded it) is left as it is, and its current
 * version returned so the editor can show it beside the text that was not saved.
 */
export function saveOpenLesson(
	event: LessonEvent,
	{ fields, hash }: { fields: LessonFields; hash: string | undefined }
): SaveOutcome {
	const { user, course, membership, lang, path, sourcePath } = openLesson(event);
	allow(canTranslate(user, membership, lang));
	const { db } = event.locals.ctx;
	// A form without the hash it loaded (a stale page, a hand-made post) cannot show it has seen
	// the file as it is: treated as a conflict, so nobody's save is overwritten unseen.
	if (hash === undefined) return { ok: false, theirs: currentVersion(db, course.id, path) };
	try {
		const saved = saveLesson(db, {
			actorId: user.id,
			courseId: course.id,
			path,
			fields,
			template: draftText(db, course.id, sourcePath),
			expectedHash: hash
		});
		return {
			ok: true,
			hash: saved,
			fields: readLessonDraft(db, { courseId: course.id, path })?.fields ?? fields
		};
	} catch (e) {
		if (!(e instanceof DomainError && e.code === 'draft_changed')) throw e;
		return { ok: false, theirs: currentVersion(db, course.id, path) };
	}
}

/** The lesson file as the draft holds it now, for the editor to show beside unsaved text. */
function currentVersion(db: Db, courseId: number, path: string) {
	const theirs = readLessonDraft(db, { courseId, path });
	return { hash: hashOf(theirs), fields: theirs?.fields ?? null };
}
