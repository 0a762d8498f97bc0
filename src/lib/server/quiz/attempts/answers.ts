// The parts of a question that tell the answer, read out for review only, after submission and
// only as the quiz's showAnswers allows. Ids are the ones the browser was shown (present.ts).
import { entries } from '../body.ts';
import { localText } from '../../text/localised.ts';
import { itemToken, matchToken } from '../grading/sets.ts';
import type { GradeResult, Question } from '../types.ts';
import type { Locale } from '../../text/localised.ts';

/** What a right response is, in the shape of a response; null where nothing is right (essay). */
export function answerKey(question: Question, locale: Locale): unknown {
	const body = question.body;
	switch (question.type) {
		case 'single':
			return entries(body, 'options').find((o) => o.raw.correct === true)?.id ?? null;
		case 'multiple':
			return entries(body, 'options')
				.filter((o) => typeof o.raw.fraction === 'number' && o.raw.fraction > 0)
				.map((o) => o.id);
		case 'truefalse':
			return typeof body.answer === 'boolean' ? body.answer : null;
		case 'short':
			return shortAnswerShown(body, locale);
		case 'numeric':
			return typeof body.answer === 'number'
				? {
						answer: body.answer,
						tolerance: typeof body.tolerance === 'number' ? body.tolerance : 0
					}
				: { min: body.min ?? null, max: body.max ?? null };
		case 'matching':
			return Object.fromEntries(
				entries(body, 'pairs').map((p) => [p.id, matchToken(p.raw, locale)])
			);
		case 'ordering':
			return entries(body, 'items').map((i) => itemToken(i.raw, locale));
		default:
			return null;
	}
}

/**
 * The human answer a review shows for a short question: its `display`, else the first accepted
 * pattern without wildcards; never the pattern list (issue 11 #6).
 */
export function shortAnswerShown(body: Record<string, unknown>, locale: Locale): string {
	const display = localText(body.display, locale);
	if (display) return display;
	const accept = body.accept as Record<string, unknown> | undefined;
	const list = accept?.[locale];
	const first = Array.isArray(list) ? list.find((a): a is string => typeof a === 'string') : '';
	return (first ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

/** The question's general feedback in `locale`; null when it has none. */
export function generalFeedback(question: Question, locale: Locale): string | null {
	return localText(question.body.feedback, locale) || null;
}

/** The feedback written for what the learner chose (an option, or true / false). */
export function chosenFeedback(question: Question, result: GradeResult, locale: Locale): string[] {
	const body = question.body;
	if (question.type === 'truefalse')
		return result.feedback.optionIds
			.map((v) => localText(v === 'true' ? body.feedbackTrue : body.feedbackFalse, locale))
			.filter(Boolean);
	const options = new Map(entries(body, 'options').map((o) => [o.id, o.raw]));
	return result.feedback.optionIds
		.map((id) => localText(options.get(id)?.feedback, locale))
		.filter(Boolean);
}
