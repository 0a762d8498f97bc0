import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { allow } from '$lib/server/access/index';
import { QUESTION_TYPES, type QuestionType } from '$lib/server/courses/types';
import { LOCALES } from '$lib/server/text/localised';
import { readQuestions } from '$lib/server/studio/quiz/quiz-yaml';
import {
	NUMBERS,
	ROWS,
	TEXTS,
	questionToForm,
	rowCount,
	type FormValues
} from '$lib/server/studio/quiz/question-form';
import { saveQuestion } from '$lib/server/studio/quiz/save-question';
import { showProblem } from '$lib/i18n/quiz-problems';
import { href } from '$lib/i18n/paths';
import { refuse } from '$lib/i18n/errors.server';
import { openQuiz, quizProblems } from '../quiz.server';

// One question in a plain form (no JavaScript needed): `?id=` edits, `?type=` adds. A save the
// checker refuses comes back with what was typed and each problem beside its field.

function target(event: Pick<RequestEvent, 'url' | 'locals' | 'params'>) {
	const opened = openQuiz(event);
	const id = event.url.searchParams.get('id');
	const questions = readQuestions(opened.draft.text);
	const index = id === null ? -1 : questions.findIndex((q) => q.id === id);
	const existing = questions[index];
	if (id !== null && !existing) error(404, { message: 'not_found' });
	const type = (existing?.type ?? event.url.searchParams.get('type') ?? 'single') as QuestionType;
	if (!QUESTION_TYPES.includes(type)) error(404, { message: 'not_found' });
	// A translator changes what exists; adding a question is an editor's.
	allow(id !== null ? opened.languages.length > 0 : opened.canEdit, 'not_found');
	return { opened, id, index, existing, type };
}

/** What the form shows: the languages (the course's and any the question already has), rows. */
function shape(t: ReturnType<typeof target>, values: FormValues) {
	const has = LOCALES.filter((l) =>
		Object.keys(values).some((k) => k.endsWith(`.${l}`) && values[k])
	);
	const shown = LOCALES.filter((l) => t.opened.locales.includes(l) || has.includes(l));
	return {
		slug: t.opened.course.slug,
		quiz: t.opened.quiz,
		id: t.id,
		type: t.type,
		locales: shown,
		languages: t.opened.languages,
		canEdit: t.opened.canEdit,
		rows: rowCount(t.type, values),
		fields: { texts: TEXTS[t.type], numbers: NUMBERS[t.type], rows: ROWS[t.type] ?? null }
	};
}

export const load: PageServerLoad = (event) => {
	const t = target(event);
	const values = t.existing ? questionToForm(t.existing, LOCALES) : {};
	return {
		...shape(t, values),
		values,
		hash: t.opened.draft.hash,
		problems: quizProblems(event, t.opened).filter((p) => t.index >= 0 && p.question === t.index)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const t = target(event);
		allow(t.opened.languages.length > 0);
		const form = await event.request.formData();
		const values: FormValues = Object.fromEntries(
			[...form.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))
		);
		const hash = values.hash ?? '';
		delete values.hash;
		const echo = { values, hash, ...shape(t, values) };
		let r;
		try {
			r = saveQuestion(event.locals.ctx.db, {
				actorId: t.opened.user.id,
				courseId: t.opened.course.id,
				path: t.opened.quiz.path,
				expectedHash: hash,
				type: t.type,
				values,
				original: t.id,
				locales: t.opened.locales,
				languages: t.opened.canEdit ? null : t.opened.languages
			});
		} catch (e) {
			return refuse(e, { ...echo, hash: t.opened.draft.hash });
		}
		if (!r.ok)
			return fail(400, {
				...echo,
				refused: true,
				problems: r.refused.map((p) => ({ ...showProblem(p), question: p.question }))
			});
		redirect(
			303,
			href(
				`/studio/${t.opened.course.slug}/quiz/${t.opened.quiz.key}?saved=${encodeURIComponent(r.id)}`
			)
		);
	}
};
