import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { allow, canTranslate } from '$lib/server/access/index';
import { DomainError } from '$lib/server/errors';
import { draftText } from '$lib/server/studio/draft-files';
import { previewLesson, readLessonFields, type LessonFields } from '$lib/server/studio/lesson-edit';
import { hashOf, readLessonDraft } from '$lib/server/studio/lesson-draft';
import { MAX_LESSON_CHARS } from '$lib/server/studio/save-lesson';
import {
	appendSnippet,
	SNIPPET_NAMES,
	snippetText,
	type SnippetName
} from '$lib/server/studio/snippets';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { imageResolver } from '$lib/server/courses/media';
import { draftImages } from '$lib/server/studio/media/list';
import { lessonComments } from './comments/comments.server';
import { openLesson, saveOpenLesson } from './lesson.server';

// One lesson in one language: its Markdown in a textarea, the reader's preview, the toolbar.
// The form carries the file's hash as loaded, through previews too, so a save over someone
// else's meanwhile is refused and both texts are shown (see lesson.server.ts).

const today = () => new Date().toISOString().slice(0, 10);

export const load: PageServerLoad = (event) => {
	const { user, course, membership, lang, lesson, path, sourcePath, source } = openLesson(event);
	const { db } = event.locals.ctx;
	const draft = readLessonDraft(db, { courseId: course.id, path });
	const sourceText = lang === source ? null : draftText(db, course.id, sourcePath);
	const sourceFields = sourceText === null ? null : readLessonFields(sourceText);
	return {
		slug: course.slug,
		lang,
		source,
		status: lesson.languages.find((g) => g.locale === lang)?.status ?? 'missing',
		lessonTitle: lesson.title,
		fields: draft?.fields ?? { title: '', minutes: sourceFields?.minutes ?? '', body: '' },
		hash: hashOf(draft),
		sourceFields,
		canWrite: canTranslate(user, membership, lang),
		maxChars: MAX_LESSON_CHARS,
		snippets: SNIPPET_NAMES.map((name) => ({ name, text: snippetText(name, today()) })),
		comments: lessonComments(db, {
			user,
			membership,
			ref: { courseId: course.id, moduleSlug: event.params.module, lessonSlug: event.params.lesson }
		})
	};
};

async function readFields(event: RequestEvent) {
	const form = await event.request.formData();
	const get = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const values: LessonFields = { title: get('title'), minutes: get('minutes'), body: get('body') };
	const hash = form.get('hash');
	return { values, snippet: get('snippet'), hash: typeof hash === 'string' ? hash : undefined };
}

export const actions: Actions = {
	preview: async (event) => {
		const { lang, course } = openLesson(event);
		const { values, hash } = await readFields(event);
		if (values.body.length > MAX_LESSON_CHARS)
			return fail(400, { values, hash, message: errorText('too_long') });
		// The draft's own images, so the preview shows what the reader will.
		const db = event.locals.ctx.db;
		const images = imageResolver(db, draftImages(db, course.id));
		return { values, hash, preview: previewLesson(values.body, lang, images) };
	},
	insert: async (event) => {
		const { user, membership, lang } = openLesson(event);
		allow(canTranslate(user, membership, lang));
		const { values, snippet, hash } = await readFields(event);
		if (!SNIPPET_NAMES.includes(snippet as SnippetName))
			return fail(400, { values, hash, message: errorText('invalid_choice') });
		return {
			hash,
			values: { ...values, body: appendSnippet(values.body, snippet as SnippetName, today()) }
		};
	},
	save: async (event) => {
		const { values, hash } = await readFields(event);
		let outcome;
		try {
			outcome = saveOpenLesson(event, { fields: values, hash });
		} catch (e) {
			return refuse(e, { values, hash });
		}
		if (outcome.ok) return { values: outcome.fields, hash: outcome.hash, saved: true };
		// What was typed stays in the editor, their version beside it; carrying their hash, the
		// next save is the merge.
		const { theirs } = outcome;
		return refuse(new DomainError('draft_changed', 'body'), {
			values,
			hash: theirs.hash,
			theirs: theirs.fields
		});
	}
};
