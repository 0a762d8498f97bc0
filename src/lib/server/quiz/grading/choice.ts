// Choice questions: single (all or nothing), multiple (fractions), true/false.
import { entries, type Entry } from '../body.ts';
import { scoredResult, withFeedback } from './result.ts';
import type { GradeResult, Question } from '../types.ts';

export function gradeSingle(question: Question, response: unknown): GradeResult {
	const chosen = entries(question.body, 'options').find((o) => o.id === response);
	if (typeof response !== 'string' || !chosen) return scoredResult(0, question.points);
	return scoredResult(chosen.raw.correct === true ? 1 : 0, question.points, withFeedback([chosen]));
}

/** Sum of the chosen fractions: a wrong choice (negative) takes back credit, never below 0. */
export function gradeMultiple(question: Question, response: unknown): GradeResult {
	const chosen = chosenOptions(entries(question.body, 'options'), response);
	if (!chosen) return scoredResult(0, question.points);
	const share = chosen.reduce((sum, o) => sum + fractionOf(o), 0);
	return scoredResult(share, question.points, withFeedback(chosen));
}

/** Forms post strings, so "true"/"false" count as well as booleans. */
export function gradeTrueFalse(question: Question, response: unknown): GradeResult {
	const value = response === 'true' ? true : response === 'false' ? false : response;
	if (typeof value !== 'boolean') return scoredResult(0, question.points);
	const key = value ? 'feedbackTrue' : 'feedbackFalse';
	const ids = question.body[key] === undefined ? [] : [String(value)];
	return scoredResult(value === question.body.answer ? 1 : 0, question.points, ids);
}

/** The options a multiple response names, or `null` when it is malformed in any way. */
function chosenOptions(options: Entry[], response: unknown): Entry[] | null {
	if (!Array.isArray(response)) return null;
	if (!response.every((id): id is string => typeof id === 'string')) return null;
	if (new Set(response).size !== response.length) return null;
	const byId = new Map(options.map((o) => [o.id, o]));
	const chosen = response.map((id) => byId.get(id));
	return chosen.every((o): o is Entry => o !== undefined) ? chosen : null;
}

function fractionOf(option: Entry): number {
	const f = option.raw.fraction;
	return typeof f === 'number' && Number.isFinite(f) ? Math.min(1, Math.max(-1, f)) : 0;
}
