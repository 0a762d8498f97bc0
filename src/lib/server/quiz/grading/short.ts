// Short answers. Only the answers accepted in the attempt's locale count: an Arabic attempt
// answered with the French term is wrong, because the question asked for the Arabic one
// (and a one-word French answer could otherwise pass an Arabic spelling question).
import { normaliseText } from '../../text/normalise.ts';
import { isRecord } from '../body.ts';
import { scoredResult } from './result.ts';
import type { GradeResult, Question } from '../types.ts';
import type { Locale } from '../../text/localised.ts';

export function gradeShort(question: Question, response: unknown, locale: Locale): GradeResult {
	if (typeof response !== 'string') return scoredResult(0, question.points);
	const given = normaliseText(response);
	if (given === '') return scoredResult(0, question.points);
	const ok = acceptedIn(question.body.accept, locale).some((p) => matchesAccepted(given, p));
	return scoredResult(ok ? 1 : 0, question.points);
}

function acceptedIn(accept: unknown, locale: Locale): string[] {
	if (!isRecord(accept)) return [];
	const list = accept[locale];
	return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
}

/**
 * `given` (already normalised) against one accepted answer, where `*` stands for any run of
 * characters, possibly empty, as in Moodle's short answers. A two-pointer glob match rather
 * than a regular expression: a long answer against many wildcards cannot backtrack for ever.
 */
export function matchesAccepted(given: string, accepted: string): boolean {
	const pattern = normaliseText(accepted);
	let t = 0;
	let p = 0;
	let star = -1;
	let mark = 0;
	while (t < given.length) {
		if (p < pattern.length && pattern[p] !== '*' && pattern[p] === given[t]) {
			t++;
			p++;
		} else if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			mark = t;
		} else if (star !== -1) {
			p = star + 1;
			t = ++mark;
		} else return false;
	}
	while (pattern[p] === '*') p++;
	return p === pattern.length;
}
