import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { allow } from '$lib/server/access/index';
import { QUESTION_TYPES, type QuestionType } from '$lib/server/courses/types';
import { isLocale } from '$lib/server/text/localised';
import { moveQuestion, readQuestions, removeQuestion } from '$lib/server/studio/quiz/quiz-yaml';
import { DomainError } from '$lib/server/errors';
import { writeQuiz } from '$lib/server/studio/quiz/quiz-write';
import {
	IMPORT_FORMATS,
	importQuestions,
	planImport,
	promptText,
	type ImportFormat
} from '$lib/server/studio/quiz/import-questions';
import {
	SETTING_BOOLEANS,
	SETTING_CHOICES,
	SETTING_NUMBERS,
	saveSettings,
	settingsToForm
} from '$lib/server/studio/quiz/quiz-settings';
import { showProblem } from '$lib/i18n/quiz-problems';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { openQuiz, quizProblems } from './quiz.server';

// A quiz of the draft: its questions with their problems, delete and reorder, new questions
// by type, and a GIFT or Aiken file checked first (what comes in, what is refused), then imported.
// The quiz's own settings (title, pass mark, attempts, …) are an editor's: a translator's
// languages are the questions' texts, not the quiz's rules (its title is translated here too,
// by an editor, so a translator changes no setting at all).

export const load: PageServerLoad = (event) => {
	const opened = openQuiz(event);
	const order = [event.locals.locale, ...opened.locales];
	return {
		slug: opened.course.slug,
		quiz: opened.quiz,
		hash: opened.draft.hash,
		exists: opened.draft.exists,
		canEdit: opened.canEdit,
		languages: opened.languages,
		locales: opened.locales,
		types: QUESTION_TYPES,
		questions: readQuestions(opened.draft.text).map((q) => ({
			id: typeof q.id === 'string' ? q.id : '',
			type: (typeof q.type === 'string' ? q.type : '') as QuestionType,
			prompt: promptText(q, order)
		})),
		problems: quizProblems(event, opened),
		saved: event.url.searchParams.get('saved'),
		settings:
			opened.canEdit && opened.draft.exists
				? settingsToForm(opened.draft.text, opened.locales)
				: null,
		settingFields: {
			numbers: SETTING_NUMBERS,
			booleans: SETTING_BOOLEANS,
			choices: SETTING_CHOICES
		}
	};
};

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/**
 * The quiz and the upload's fields, for an editor: the file's text (or, on confirmation, the
 * text carried back); null when the format or language is not one offered.
 */
async function importForm(event: RequestEvent) {
	const opened = openQuiz(event);
	allow(opened.canEdit);
	const form = await event.request.formData();
	const file = form.get('file');
	const source = file instanceof File ? await file.text() : text(form, 'source');
	const format = text(form, 'format') as ImportFormat;
	const locale = text(form, 'locale');
	if (!IMPORT_FORMATS.includes(format) || !isLocale(locale)) return { opened, input: null };
	const target = { courseId: opened.course.id, path: opened.quiz.path };
	return { opened, input: { ...target, source, format, locale }, hash: text(form, 'hash') };
}

/** A change to the quiz file from a form carrying the question `id` and the file's hash. */
async function change(
	event: RequestEvent,
	action: string,
	edit: (quizText: string, id: string, form: FormData) => string
) {
	const opened = openQuiz(event);
	allow(opened.canEdit);
	const form = await event.request.formData();
	try {
		const r = writeQuiz(event.locals.ctx.db, {
			actorId: opened.user.id,
			courseId: opened.course.id,
			path: opened.quiz.path,
			expectedHash: text(form, 'hash'),
			action,
			edit: (t) => edit(t, text(form, 'id'), form)
		});
		return r.ok ? { changed: action } : fail(400, { message: errorText('invalid_choice') });
	} catch (e) {
		return refuse(e);
	}
}

export const actions: Actions = {
	settings: async (event) => {
		const opened = openQuiz(event);
		allow(opened.canEdit);
		const form = await event.request.formData();
		const values: Record<string, string> = Object.fromEntries(
			[...form.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))
		);
		const hash = values.hash ?? '';
		delete values.hash;
		try {
			const r = saveSettings(event.locals.ctx.db, {
				actorId: opened.user.id,
				courseId: opened.course.id,
				path: opened.quiz.path,
				expectedHash: hash,
				values,
				locales: opened.locales
			});
			if (!r.ok)
				return fail(400, { settings: values, settingProblems: r.refused.map(showProblem) });
			return { changed: 'quiz.settings' };
		} catch (e) {
			return refuse(e, { settings: values });
		}
	},
	delete: (event) => change(event, 'question.delete', (t, id) => removeQuestion(t, id)),
	move: (event) =>
		change(event, 'question.move', (t, id, form) => {
			const direction = text(form, 'direction');
			if (direction !== 'up' && direction !== 'down') throw new DomainError('invalid_choice');
			return moveQuestion(t, id, direction);
		}),
	preview: async (event) => {
		const { opened, input } = await importForm(event);
		if (!input) return fail(400, { message: errorText('invalid_choice') });
		if (input.source.trim() === '') return fail(400, { message: errorText('required') });
		try {
			const { imported, refused } = planImport(event.locals.ctx.db, {
				...input,
				base: opened.draft.text
			});
			const { source, format, locale } = input;
			return { plan: { imported, refused }, source, format, locale, hash: opened.draft.hash };
		} catch (e) {
			return refuse(e);
		}
	},
	import: async (event) => {
		const { opened, input, hash = '' } = await importForm(event);
		if (!input) return fail(400, { message: errorText('invalid_choice') });
		try {
			const r = importQuestions(event.locals.ctx.db, {
				...input,
				actorId: opened.user.id,
				expectedHash: hash
			});
			if (!r.ok) return fail(400, { message: errorText('nothing_to_import') });
			return { imported: r.plan?.imported.length ?? 0 };
		} catch (e) {
			return refuse(e);
		}
	}
};
