// Where a report's sums come from, asked of the database as few times as possible: each grouped
// query scans every enrolment of the filter and sorts them (about 150 ms at 100k learners), so
// what can be added up from a query already made is added up here instead.
//
// - Margins: a breakdown without cohorts puts each enrolment in exactly one cell, so a coarser
//   breakdown (a row or column total, the grand total) is the sum of the full breakdown's cells.
//   A cohort breakdown counts a learner in each of their cohorts: its margins are asked again.
// - Periods: the differencing guard (period-guard.ts) needs the table split by month over all
//   time, the period's filter left out; the table of the period itself is the sum of the months
//   inside it (the months are cut on the same UTC boundaries as the period's filter).
import type { DbLike } from '../db/index.ts';
import { aggregateCells, type CellRow, type Counts } from './aggregate.ts';
import {
	PERIOD_AXES,
	inPeriod,
	periodOf,
	withoutPeriod,
	type Dimension,
	type Period,
	type PeriodAxis,
	type ReportFilter,
	type ReportScope
} from './filters.ts';

/** A table's cells for a breakdown (the breakdown's dimensions, or fewer of them for margins). */
export type CellSource = (breakdown: Dimension[]) => CellRow[];

/** The cells of one period's guard: keys of the breakdown, then the month ('' for never). */
export type PeriodSplit = { axis: PeriodAxis; period: Period; byMonth: CellSource };

export const ZERO_COUNTS: Counts = {
	enrolled: 0,
	started: 0,
	completed: 0,
	certified: 0,
	womenEnrolled: 0,
	womenCertified: 0,
	paired: 0,
	improved: 0,
	sumPre: 0,
	sumFinal: 0,
	sumGain: 0,
	sumGain2: 0
};

/** Two cells' sums added (every count and paired sum is additive). */
export const addCounts = (a: Counts, b: Counts): Counts =>
	Object.fromEntries(
		Object.keys(a).map((key) => [key, a[key as keyof Counts] + b[key as keyof Counts]])
	) as Counts;

/** `rows` summed over every key but those at `keep` (in that order). */
function rollUp(rows: CellRow[], keep: number[]): CellRow[] {
	const out = new Map<string, CellRow>();
	for (const row of rows) {
		const keys = keep.map((i) => row.keys[i] ?? '');
		const id = keys.join('\u0000');
		const had = out.get(id);
		out.set(id, { keys, counts: had ? addCounts(had.counts, row.counts) : row.counts });
	}
	return [...out.values()];
}

/**
 * The report's cells, and per period asked the same table split by month for the guard; one
 * grouped query per report when the breakdown has no cohort (more for margins over cohorts).
 */
export function reportCells(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; breakdown: Dimension[] }
): { cells: CellSource; splits: PeriodSplit[] } {
	const { breakdown } = opts;
	const additive = !breakdown.includes('cohort');
	const source = (filter: ReportFilter, month?: PeriodAxis): CellSource => {
		const asked = new Map<string, CellRow[]>();
		const rows: CellSource = (b) => {
			const sig = b.join('/');
			let out = asked.get(sig);
			if (!out) {
				// Positions of b's dimensions in the full breakdown, the month (last) kept.
				const keep = [...b.map((d) => breakdown.indexOf(d)), ...(month ? [breakdown.length] : [])];
				out =
					additive && sig !== breakdown.join('/')
						? rollUp(rows(breakdown), keep)
						: aggregateCells(db, { filter, scope: opts.scope, breakdown: b, month });
				asked.set(sig, out);
			}
			return out;
		};
		return rows;
	};
	const splits = PERIOD_AXES.flatMap((axis) => {
		const period = periodOf(opts.filter, axis);
		if (period.from === undefined && period.to === undefined) return [];
		return [{ axis, period, byMonth: source(withoutPeriod(opts.filter, axis), axis) }];
	});
	const first = splits[0];
	if (!first) return { cells: source(opts.filter), splits };
	// With two periods, each split keeps the other as a filter: either one sums to the table.
	const inside = new Map<string, CellRow[]>();
	const cells: CellSource = (b) => {
		const sig = b.join('/');
		const out =
			inside.get(sig) ??
			rollUp(
				first.byMonth(b).filter((c) => inPeriod(c.keys[b.length] ?? '', first.period)),
				b.map((_, i) => i)
			);
		inside.set(sig, out);
		return out;
	};
	return { cells, splits };
}
