// The differencing guard of report periods.
//
// Suppression hides a count under k in one table, but two tables with overlapping periods can be
// subtracted: January–March shows 23, January–February shows 20, so March counts 3 although
// March alone shows "< 5". Every report can also be asked without a period, so "everything
// minus the period" is a difference too (all time 23, February–March 20: January counts 3).
//
// The rule. Periods are whole months (filters.ts). An entry of a table (a cell or a total, one
// count) asked with a period is shown only when, for that entry,
//   1. every month inside the period counts 0 or at least k, and
//   2. the months before the period together count 0 or at least k, and
//   3. the months after it together count 0 or at least k (for a completion period, "after"
//      includes the learners who have not completed: their completion is still to come).
// Otherwise it is hidden like a small count, and secondary suppression protects it as usual.
//
// Why it holds: what one published value of an entry reveals beside another of the same entry
// (same filters otherwise, another period or none) is a union of whole months: a run of months
// inside the larger period, or the months before or after a period. A run of months inside a
// shown period is a sum of months that each count 0 or at least k; the months before or after a
// shown period count 0 or at least k together, and together with the months inside another shown
// period the same holds. A sum of numbers that are each 0 or at least k is 0 or at least k: no
// difference can land on 1…k−1, which is what the primary rule keeps unpublished. A month with
// nobody does not hide the period: a difference of 0 names no one (the price is that "nobody
// in March" can be worked out; a count of 1–4 never can).
//
// With both an enrolment and a completion period, each is guarded on its own, the other one
// applied as a plain filter.
import type { Period } from './filters.ts';

/** A month's count of one entry: the month YYYY-MM, or '' for never (not completed). */
export type MonthCount = readonly [month: string, count: number];

const unsafe = (count: number, k: number) => count > 0 && count < k;

/** Whether the guard hides an entry asked for `period`, from its counts per month of all time. */
export function periodHides(months: readonly MonthCount[], period: Period, k: number): boolean {
	let before = 0;
	let after = 0;
	for (const [month, count] of months) {
		if (month !== '' && period.from !== undefined && month < period.from) before += count;
		else if (month === '' || (period.to !== undefined && month > period.to)) after += count;
		else if (unsafe(count, k)) return true;
	}
	return unsafe(before, k) || unsafe(after, k);
}

/**
 * The guard over a whole table: `byMonth` holds, per month, the table (with its margins, as
 * published) counted in that month alone; the result marks the entries the guard hides.
 */
export function periodMask(
	byMonth: ReadonlyMap<string, readonly (readonly number[])[]>,
	shape: { height: number; width: number },
	period: Period,
	k: number
): boolean[][] {
	return Array.from({ length: shape.height }, (_, r) =>
		Array.from({ length: shape.width }, (_, c) =>
			periodHides(
				[...byMonth].map(([month, table]) => [month, table[r]?.[c] ?? 0] as const),
				period,
				k
			)
		)
	);
}
