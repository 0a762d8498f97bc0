// Grading: pure functions from a question as stored with the attempt and the learner's raw
// response to points. Nothing here throws on a learner's input.
import { gradeMultiple, gradeSingle, gradeTrueFalse } from './choice.ts';
import { gradeNumeric } from './numeric.ts';
import { gradeMatching, gradeOrdering } from './sets.ts';
import { gradeShort } from './short.ts';
import { scoredResult } from './result.ts';
import type { AttemptGrade, GradeOptions, GradeResult, Question } from '../types.ts';

/** Grades one response (any shape: malformed ones score 0) against one question. */
export function gradeQuestion(
	question: Question,
	response: unknown,
	{ locale }: GradeOptions
): GradeResult {
	const max = question.type === 'description' ? 0 : pointsOf(question);
	const q = { ...question, points: max };
	switch (q.type) {
		case 'single':
			return gradeSingle(q, response);
		case 'multiple':
			return gradeMultiple(q, response);
		case 'truefalse':
			return gradeTrueFalse(q, response);
		case 'short':
			return gradeShort(q, response, locale);
		case 'numeric':
			return gradeNumeric(q, response);
		case 'matching':
			return gradeMatching(q, response, locale);
		case 'ordering':
			return gradeOrdering(q, response, locale);
		case 'essay':
			return { score: null, max, correct: null, pending: true, feedback: { optionIds: [] } };
		case 'description':
			return { score: 0, max: 0, correct: null, feedback: { optionIds: [] } };
		default:
			return scoredResult(0, max);
	}
}

export type AttemptOptions = GradeOptions & {
	/** Points a trainer gave to essays, by question id; an essay without one stays pending. */
	manualScores?: Record<string, number>;
};

/**
 * Grades a whole attempt. Pending essays count in `max` but not yet in `score`, so the
 * percentage only rises when a trainer grades them; decide pass or fail once `pending` is 0.
 */
export function gradeAttempt(
	questions: readonly Question[],
	responses: Record<string, unknown>,
	{ locale, manualScores = {} }: AttemptOptions
): AttemptGrade {
	const results: Record<string, GradeResult> = {};
	let score = 0;
	let max = 0;
	let pending = 0;
	for (const question of questions) {
		const given = Object.hasOwn(responses, question.id) ? responses[question.id] : undefined;
		let result = gradeQuestion(question, given, { locale });
		const manual = Object.hasOwn(manualScores, question.id) ? manualScores[question.id] : undefined;
		if (result.pending && typeof manual === 'number' && result.max > 0)
			result = scoredResult(manual / result.max, result.max);
		results[question.id] = result;
		score += result.score ?? 0;
		max += result.max;
		if (result.pending) pending++;
	}
	const percentage = max > 0 ? Math.round((score / max) * 10_000) / 100 : 0;
	return { score: Math.round(score * 10_000) / 10_000, max, percentage, pending, results };
}

function pointsOf(question: Question): number {
	return Number.isFinite(question.points) && question.points > 0 ? question.points : 0;
}
