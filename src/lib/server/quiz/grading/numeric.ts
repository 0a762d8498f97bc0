// Numeric answers as people type them: "3,5" (French and Arabic decimal comma), "٣٫٥"
// (Arabic-Indic digits and separator), spaces around, a unit after ("12 km", "50 %").
import { numberAt } from '../body.ts';
import { scoredResult } from './result.ts';
import type { GradeResult, Question } from '../types.ts';

const ARABIC_INDIC = /[\u0660-\u0669]/g;
const PERSIAN = /[\u06F0-\u06F9]/g;
// A sign, digits with one optional decimal mark, then optionally a unit that starts with a
// letter or a unit symbol. Anything else ("3,5,6", "abc", "") is not a number.
const NUMBER = /^([+\-\u2212]?)(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:[\p{L}%°‰€$£¥/²³µ][^]*)?$/u;

/** The number in a learner's input, or `null` when there is none. */
export function parseNumericInput(input: string): number | null {
	const text = input
		.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
		.replace(PERSIAN, (d) => String(d.charCodeAt(0) - 0x06f0))
		.replace(/\u066B/g, '.')
		.replace(/\u066C/g, '')
		.trim();
	const match = NUMBER.exec(text);
	if (!match) return null;
	const value = Number((match[2] ?? '').replace(',', '.'));
	if (!Number.isFinite(value)) return null;
	return match[1] === '' || match[1] === '+' ? value : -value;
}

/** Bounds are inclusive; a little slack absorbs binary rounding (3.14 + 0.01 ≠ 3.15). */
export function gradeNumeric(question: Question, response: unknown): GradeResult {
	const value =
		typeof response === 'string'
			? parseNumericInput(response)
			: typeof response === 'number' && Number.isFinite(response)
				? response
				: null;
	if (value === null) return scoredResult(0, question.points);
	const range = rangeOf(question.body);
	if (!range) return scoredResult(0, question.points);
	const slack = 1e-9 * Math.max(1, Math.abs(range.min), Math.abs(range.max));
	const inside = value >= range.min - slack && value <= range.max + slack;
	return scoredResult(inside ? 1 : 0, question.points);
}

function rangeOf(body: Record<string, unknown>): { min: number; max: number } | null {
	const answer = numberAt(body, 'answer');
	if (answer !== undefined) {
		const tolerance = Math.abs(numberAt(body, 'tolerance') ?? 0);
		return { min: answer - tolerance, max: answer + tolerance };
	}
	const min = numberAt(body, 'min');
	const max = numberAt(body, 'max');
	return min !== undefined && max !== undefined ? { min, max } : null;
}
