// A report: the indicators per cell of the breakdown, with margins, after small-cell
// suppression. Every output (page, CSV, XLSX, later the API) is built from this one result, so
// none can show a hidden count or a rate computed from one.
import type { DbLike } from '../db/index.ts';
import { aggregateCells, type Counts } from './aggregate.ts';
import { NOT_STATED, type ReportScope, type Dimension, type ReportFilter } from './filters.ts';
import { pairedStats } from './statistics.ts';
import { suppress, type Suppressed } from './suppression.ts';

/** A count as published: its value, or hidden ("< k"). */
export type Count = { value: number; hidden: boolean };

const COUNTED = [
	'enrolled',
	'started',
	'completed',
	'certified',
	'womenEnrolled',
	'womenCertified',
	'paired',
	'improved'
] as const;
type Counted = (typeof COUNTED)[number];

export type ReportRow = {
	/** One category per breakdown dimension; null where the row totals over that dimension. */
	keys: (string | null)[];
	level: 'cell' | 'subtotal' | 'total';
	counts: Record<Counted, Count>;
	/** Rates and means: null when not shown (a count they derive from is hidden, or none to show). */
	completionRate: number | null;
	womenEnrolledShare: number | null;
	womenCertifiedShare: number | null;
	meanPre: number | null;
	meanFinal: number | null;
	meanGain: number | null;
	ci: [number, number] | null;
	hake: number | null;
	improvedShare: number | null;
};

export type Report = {
	breakdown: Dimension[];
	k: number;
	rows: ReportRow[];
	extractedAt: Date;
};

const ZERO: Counts = {
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

const add = (a: Counts, b: Counts): Counts =>
	Object.fromEntries(
		Object.keys(a).map((key) => [key, a[key as keyof Counts] + b[key as keyof Counts]])
	) as Counts;

/** Categories in a stable order, "not stated" last. */
function categories(keys: string[]): string[] {
	return [...new Set(keys)].sort((a, b) =>
		a === NOT_STATED ? 1 : b === NOT_STATED ? -1 : a.localeCompare(b, 'en', { numeric: true })
	);
}

/** A row's shares and means, shown only where every count they come from is shown. */
function derive(
	sums: Counts,
	counts: Record<Counted, Count>
): Omit<ReportRow, 'keys' | 'level' | 'counts'> {
	const share = (num: Counted, den: Counted) =>
		counts[num].hidden || counts[den].hidden || counts[den].value === 0
			? null
			: counts[num].value / counts[den].value;
	const stats = counts.paired.hidden ? null : pairedStats(sums);
	return {
		completionRate: share('completed', 'enrolled'),
		womenEnrolledShare: share('womenEnrolled', 'enrolled'),
		womenCertifiedShare: share('womenCertified', 'certified'),
		meanPre: stats?.meanPre ?? null,
		meanFinal: stats?.meanFinal ?? null,
		meanGain: stats?.meanGain ?? null,
		ci: stats?.ci ?? null,
		hake: stats?.hake ?? null,
		improvedShare: share('improved', 'paired')
	};
}

/**
 * The report for a filter, access scope and breakdown (none, one or two dimensions), with k the
 * smallest count shown (config.reportMinCell).
 */
export function buildReport(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; breakdown: Dimension[]; k: number; now?: Date }
): Report {
	const breakdown = opts.breakdown.slice(0, 2);
	const cells = aggregateCells(db, { filter: opts.filter, scope: opts.scope, breakdown });
	const rowKeys = breakdown.length ? categories(cells.map((c) => c.keys[0] ?? '')) : [''];
	const colKeys = breakdown.length === 2 ? categories(cells.map((c) => c.keys[1] ?? '')) : [''];
	const at = new Map(cells.map((c) => [c.keys.join('\u0000'), c.counts]));
	const grid: Counts[][] = rowKeys.map((r) =>
		colKeys.map((c) => at.get([r, c].slice(0, breakdown.length).join('\u0000')) ?? ZERO)
	);
	// The same margins as withMargins() builds, for the sums behind the means.
	const twoWay = breakdown.length === 2;
	const sums = grid.map((row) => (twoWay ? [...row, row.reduce(add, ZERO)] : row));
	sums.push((sums[0] ?? []).map((_, c) => sums.reduce((t, row) => add(t, row[c] ?? ZERO), ZERO)));
	const hidden = Object.fromEntries(
		COUNTED.map((name) => [
			name,
			suppress(
				grid.map((row) => row.map((c) => c[name])),
				opts.k
			)
		])
	) as Record<Counted, Suppressed>;
	const row = (
		i: number,
		j: number,
		keys: (string | null)[],
		level: ReportRow['level']
	): ReportRow => {
		const counts = Object.fromEntries(
			COUNTED.map((name) => [
				name,
				{ value: hidden[name].values[i]?.[j] ?? 0, hidden: hidden[name].hidden[i]?.[j] ?? true }
			])
		) as Record<Counted, Count>;
		return { keys, level, counts, ...derive(sums[i]?.[j] ?? ZERO, counts) };
	};
	const R = rowKeys.length;
	const C = colKeys.length;
	const rows: ReportRow[] = [];
	if (breakdown.length === 1) rowKeys.forEach((r, i) => rows.push(row(i, 0, [r], 'cell')));
	if (twoWay) {
		rowKeys.forEach((r, i) => {
			colKeys.forEach((c, j) => rows.push(row(i, j, [r, c], 'cell')));
			rows.push(row(i, C, [r, null], 'subtotal'));
		});
		colKeys.forEach((c, j) => rows.push(row(R, j, [null, c], 'subtotal')));
	}
	rows.push(
		row(
			R,
			twoWay ? C : 0,
			breakdown.map(() => null),
			'total'
		)
	);
	return { breakdown, k: opts.k, rows, extractedAt: opts.now ?? new Date() };
}
