import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canTranslate } from '$lib/server/access/index';
import { DomainError } from '$lib/server/errors';
import { alignBlocks, joinBlocks, splitBlocks } from '$lib/server/studio/blocks';
import { draftText } from '$lib/server/studio/draft-files';
import { readLessonFields } from '$lib/server/studio/lesson-edit';
import { hashOf, readLessonDraft } from '$lib/server/studio/lesson-draft';
import { MAX_LESSON_CHARS } from '$lib/server/studio/save-lesson';
import { refuse } from '$lib/i18n/errors.server';
import { openLesson, saveOpenLesson } from '../../../../[module]/[lesson]/[lang]/lesson.server';

// Side-by-side translation: the source lesson block by block, each beside a textarea for its
// translation; one plain form saves them (joined) through the lesson editor's own save, with the
// same hash check, so a save over someone else's is refused and the typed blocks stay on screen.

export const load: PageServerLoad = (event) => {
	const { user, course, membership, lang, lesson, path, sourcePath, source } = openLesson(event);
	const { module: mod, lesson: slug } = event.params;
	// The source language has nothing to sit beside: its editor is the lesson page.
	if (lang === source)
		redirect(303, `/${event.locals.locale}/studio/${course.slug}/${mod}/${slug}/${lang}`);
	const { db } = event.locals.ctx;
	const draft = readLessonDraft(db, { courseId: course.id, path });
	const sourceFields = readLessonFields(draftText(db, course.id, sourcePath) ?? '');
	return {
		slug: course.slug,
		lang,
		source,
		status: lesson.languages.find((g) => g.locale === lang)?.status ?? 'missing',
		lessonTitle: lesson.title,
		sourceFields: { title: sourceFields.title, minutes: sourceFields.minutes },
		fields: {
			title: draft?.fields.title ?? '',
			minutes: draft?.fields.minutes ?? sourceFields.minutes
		},
		rows: alignBlocks(splitBlocks(sourceFields.body), splitBlocks(draft?.fields.body ?? '')),
		hash: hashOf(draft),
		canWrite: canTranslate(user, membership, lang),
		maxChars: MAX_LESSON_CHARS
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await event.request.formData();
		const get = (name: string) => {
			const v = form.get(name);
			return typeof v === 'string' ? v : '';
		};
		const blocks = form.getAll('block').map((b) => (typeof b === 'string' ? b : ''));
		const values = { title: get('title'), minutes: get('minutes'), blocks };
		const fields = { title: values.title, minutes: values.minutes, body: joinBlocks(blocks) };
		const hash = form.get('hash');
		let outcome;
		try {
			outcome = saveOpenLesson(event, {
				fields,
				hash: typeof hash === 'string' ? hash : undefined
			});
		} catch (e) {
			return refuse(e, { values, hash: get('hash') });
		}
		if (outcome.ok) return { saved: true };
		// Their version replaces nothing on screen: the typed blocks stay, carrying their hash,
		// so saving again is the merge (as in the lesson editor).
		return refuse(new DomainError('draft_changed', 'body'), {
			values,
			hash: outcome.theirs.hash,
			theirs: outcome.theirs.fields
		});
	}
};
