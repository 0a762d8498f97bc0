// Saving one question from the studio's form into its quiz file: editors write every field,
// a translator only the texts in their languages (the rest is kept as the file has it).
import type { Db } from '../../db/index.ts';
import { DomainError } from '../../errors.ts';
import type { QuestionType } from '../../courses/types.ts';
import type { Locale } from '../../text/localised.ts';
import { questionId } from '../../quiz/ids.ts';
import { formToQuestion, mergeLanguages, type FormValues } from './question-form.ts';
import { putQuestion, questionIndex, readQuestions } from './quiz-yaml.ts';
import { writeQuiz, type QuizWrite } from './quiz-write.ts';
import { promptText } from './import-questions.ts';

/**
 * Writes the question the form describes: a new one at the end when `original` is null, else
 * in place of the question whose id was `original`. `languages` limits a translator's save.
 */
export function saveQuestion(
	db: Db,
	{
		type,
		values,
		original,
		locales,
		languages = null,
		...target
	}: {
		actorId: string;
		courseId: number;
		path: string;
		expectedHash: string;
		type: QuestionType;
		values: FormValues;
		original: string | null;
		locales: readonly Locale[];
		languages?: readonly Locale[] | null;
	}
): QuizWrite & { id: string } {
	let id = '';
	const written = writeQuiz(db, {
		...target,
		action: original === null ? 'question.add' : 'question.save',
		edit: (text) => {
			const all = readQuestions(text);
			const at = original === null ? null : questionIndex(text, original);
			const existing = at === null ? {} : (all[at] ?? {});
			if (at !== null && existing.type !== type) throw new DomainError('not_found');
			if (at === null && languages !== null) throw new DomainError('forbidden');
			let body = formToQuestion(type, values, { locales, existing });
			if (languages !== null) body = mergeLanguages(existing, body, languages) as typeof body;
			if (!body.id) {
				const taken = new Set(all.map((q) => String(q.id)));
				body = { ...body, id: questionId(null, promptText(body, locales), taken) };
			}
			id = String(body.id);
			return { text: putQuestion(text, at, body), question: at ?? all.length };
		}
	});
	return { ...written, id };
}
