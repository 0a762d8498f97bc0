// Matching and ordering: partial credit, one share per pair or item placed right. Both compare
// the opaque ids that present.ts showed, recomputed here from the question's text.
import { entries, isRecord, textToken } from '../body.ts';
import { localText } from '../../text/localised.ts';
import { scoredResult } from './result.ts';
import type { GradeResult, Question } from '../types.ts';
import type { Locale } from '../../text/localised.ts';

/** The id a pair's right-hand side is shown with, in `locale`. */
export function matchToken(raw: Record<string, unknown>, locale: Locale): string {
	return textToken(localText(raw.match, locale));
}

/** The id an ordering item is shown with, in `locale`. */
export function itemToken(raw: Record<string, unknown>, locale: Locale): string {
	return textToken(localText(raw.text, locale));
}

export function gradeMatching(question: Question, response: unknown, locale: Locale): GradeResult {
	const pairs = entries(question.body, 'pairs');
	if (!isRecord(response) || pairs.length === 0) return scoredResult(0, question.points);
	const right = pairs.filter((p) => {
		const given = Object.hasOwn(response, p.id) ? response[p.id] : undefined;
		return typeof given === 'string' && given === matchToken(p.raw, locale);
	}).length;
	return scoredResult(right / pairs.length, question.points);
}

/** A malformed order (wrong length, unknown or repeated items) earns nothing. */
export function gradeOrdering(question: Question, response: unknown, locale: Locale): GradeResult {
	const expected = entries(question.body, 'items').map((i) => itemToken(i.raw, locale));
	if (!Array.isArray(response) || expected.length === 0) return scoredResult(0, question.points);
	if (response.length !== expected.length || !sameMultiset(response, expected))
		return scoredResult(0, question.points);
	const right = expected.filter((token, i) => response[i] === token).length;
	return scoredResult(right / expected.length, question.points);
}

function sameMultiset(given: unknown[], expected: string[]): boolean {
	const counts = new Map<string, number>();
	for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
	for (const token of given) {
		const left = typeof token === 'string' ? counts.get(token) : undefined;
		if (!left) return false;
		counts.set(token as string, left - 1);
	}
	return true;
}
