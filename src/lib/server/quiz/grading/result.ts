import type { Entry } from '../body.ts';
import type { GradeResult } from '../types.ts';

/** Full marks within this much of the maximum: sums of fractions such as 1/3 × 3 drift. */
const EPSILON = 1e-9;

/** A result from the share of the points earned, kept within 0..max. */
export function scoredResult(share: number, max: number, optionIds: string[] = []): GradeResult {
	const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
	const full = clamped >= 1 - EPSILON;
	const score = full ? max : Math.round(clamped * max * 10_000) / 10_000;
	return { score, max, correct: full, feedback: { optionIds } };
}

/** The ids of the chosen options that carry their own feedback. */
export function withFeedback(chosen: Entry[]): string[] {
	return chosen.filter((o) => o.raw.feedback !== undefined).map((o) => o.id);
}
