import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canTranslate } from '$lib/server/access/index';
import { draftText } from '$lib/server/studio/draft-files';
import { draftOutline } from '$lib/server/studio/outline';
import { previewLesson, readLessonFields, type LessonFields } from '$lib/server/studio/lesson-edit';
import { saveLesson, MAX_LESSON_CHARS } from '$lib/server/studio/save-lesson';
import {
	appendSnippet,
	SNIPPET_NAMES,
	snippetText,
	type SnippetName
} from '$lib/server/studio/snippets';
import { isLocale } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { openStudioCourse } from '../../../studio-course.server';
import { lessonComments } from './comments/comments.server';

// One lesson in one language: its Markdown in a textarea, the reader's preview, the toolbar.
function openLesson(event: RequestEvent | Parameters<PageServerLoad>[0]) {
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

const today = () => new Date().toISOString().slice(0, 10);

export const load: PageServerLoad = (event) => {
	const { user, course, membership, lang, lesson, path, sourcePath, source } = openLesson(event);
	const { db } = event.locals.ctx;
	const text = draftText(db, course.id, path);
	const sourceText = lang === source ? null : draftText(db, course.id, sourcePath);
	const fields = text === null ? null : readLessonFields(text);
	const sourceFields = sourceText === null ? null : readLessonFields(sourceText);
	return {
		slug: course.slug,
		lang,
		source,
		status: lesson.languages.find((g) => g.locale === lang)?.status ?? 'missing',
		lessonTitle: lesson.title,
		fields: fields ?? { title: '', minutes: sourceFields?.minutes ?? '', body: '' },
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
	return { values, snippet: get('snippet') };
}

export const actions: Actions = {
	preview: async (event) => {
		const { lang } = openLesson(event);
		const { values } = await readFields(event);
		if (values.body.length > MAX_LESSON_CHARS)
			return fail(400, { values, message: errorText('too_long') });
		return { values, preview: previewLesson(values.body, lang) };
	},
	insert: async (event) => {
		const { user, membership, lang } = openLesson(event);
		allow(canTranslate(user, membership, lang));
		const { values, snippet } = await readFields(event);
		if (!SNIPPET_NAMES.includes(snippet as SnippetName))
			return fail(400, { values, message: errorText('invalid_choice') });
		return {
			values: { ...values, body: appendSnippet(values.body, snippet as SnippetName, today()) }
		};
	},
	save: async (event) => {
		const { user, course, membership, lang, path, sourcePath } = openLesson(event);
		allow(canTranslate(user, membership, lang));
		const { values } = await readFields(event);
		const { db } = event.locals.ctx;
		try {
			saveLesson(db, {
				actorId: user.id,
				courseId: course.id,
				path,
				fields: values,
				template: draftText(db, course.id, sourcePath)
			});
		} catch (e) {
			return refuse(e, { values });
		}
		return { values: readLessonFields(draftText(db, course.id, path) ?? ''), saved: true };
	}
};
