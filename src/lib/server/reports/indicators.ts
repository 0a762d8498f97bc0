// A report: the indicators per cell of the breakdown, with margins, after small-cell
// suppression. Every output (page, CSV, XLSX, later the API) is built from this one result, so
// none can show a hidden count or a rate computed from one.
import type { DbLike } from '../db/index.ts';
import type { CellRow, Counts } from './aggregate.ts';
import { addCounts as add, reportCells, ZERO_COUNTS as ZERO } from './cells.ts';
import {
	NO_COHORT,
	NOT_STATED,
	type ReportScope,
	type Dimension,
	type ReportFilter
} from './filters.ts';
import { periodMask } from './period-guard.ts';
import { pairedStats } from './statistics.ts';
import { suppress, type Mask, type Suppressed } from './suppression.ts';

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

/** Categories in a stable order, "not stated" and "no cohort" last. */
function categories(keys: string[]): string[] {
	const last = (key: string) => key === NOT_STATED || key === NO_COHORT;
	return [...new Set(keys)].sort((a, b) =>
		last(a) !== last(b) ? (last(a) ? 1 : -1) : a.localeCompare(b, 'en', { numeric: true })
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

/** The cells of a breakdown from its rows, by their keys. */
const byKeys = (rows: CellRow[]) => new Map(rows.map((c) => [c.keys.join('\u0000'), c.counts]));

/**
 * The table of sums with its margins, shaped as withMargins() shapes counts: cells (row totals
 * last in a two-way table), then the column totals. Margins are sums of cells, except over a
 * cohort breakdown (a learner in two cohorts counts in both), or with `asked`: there `rows` gives
 * the table without the dimension (cells.ts), so totals count each enrolment once, and count the
 * categories that are not among `rowKeys`/`colKeys` too (the period guard's months need them).
 */
function sumsWithMargins(
	rows: (breakdown: Dimension[]) => CellRow[],
	breakdown: Dimension[],
	keys: { rowKeys: string[]; colKeys: string[]; asked?: boolean }
): Counts[][] {
	const { rowKeys, colKeys } = keys;
	const twoWay = breakdown.length === 2;
	const at = new Map<string, Map<string, Counts>>();
	const distinct = (keys: (string | null)[]) => {
		const dims = breakdown.filter((_, i) => keys[i] != null);
		const sig = dims.join('/');
		const cells = at.get(sig) ?? byKeys(rows(dims));
		at.set(sig, cells);
		return cells.get(keys.filter((x) => x != null).join('\u0000')) ?? ZERO;
	};
	const grid = rowKeys.map((r) => colKeys.map((c) => distinct([r, c].slice(0, breakdown.length))));
	if (!keys.asked && !breakdown.includes('cohort')) {
		const sums = grid.map((row) => (twoWay ? [...row, row.reduce(add, ZERO)] : row));
		sums.push((sums[0] ?? []).map((_, c) => sums.reduce((t, row) => add(t, row[c] ?? ZERO), ZERO)));
		return sums;
	}
	const sums = grid.map((row, i) => (twoWay ? [...row, distinct([rowKeys[i] ?? '', null])] : row));
	sums.push(
		twoWay
			? [...colKeys.map((c) => distinct([null, c])), distinct([null, null])]
			: [distinct([null])]
	);
	return sums;
}

/**
 * The report for a filter, access scope and breakdown (none, one or two dimensions), with k the
 * smallest count shown (config.reportMinCell). With a period, the differencing guard
 * (period-guard.ts) hides, count by count, the entries another period could subtract down to
 * a small number, and secondary suppression protects them like small counts.
 */
export function buildReport(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; breakdown: Dimension[]; k: number; now?: Date }
): Report {
	const breakdown = opts.breakdown.slice(0, 2);
	const source = reportCells(db, { filter: opts.filter, scope: opts.scope, breakdown });
	const cells = source.cells(breakdown);
	const rowKeys = breakdown.length ? categories(cells.map((c) => c.keys[0] ?? '')) : [''];
	const colKeys = breakdown.length === 2 ? categories(cells.map((c) => c.keys[1] ?? '')) : [''];
	const sums = sumsWithMargins(source.cells, breakdown, { rowKeys, colKeys });
	const twoWay = breakdown.length === 2;
	const shape = { height: sums.length, width: sums[0]?.length ?? 0 };
	// The guard: per period asked, the same table counted month by month over all time.
	const guards = source.splits.map(({ period, byMonth }) => {
		const months = [...new Set(byMonth(breakdown).map((c) => c.keys[breakdown.length] ?? ''))];
		const tables = new Map(
			months.map((month) => {
				const inMonth = (b: Dimension[]) =>
					byMonth(b)
						.filter((c) => c.keys[b.length] === month)
						.map((c) => ({ keys: c.keys.slice(0, b.length), counts: c.counts }));
				const table = sumsWithMargins(inMonth, breakdown, { rowKeys, colKeys, asked: true });
				return [month, table] as const;
			})
		);
		return { period, tables };
	});
	const forced = (name: Counted): Mask | undefined =>
		guards.length
			? guards
					.map(({ period, tables }) =>
						periodMask(
							new Map(
								[...tables].map(([month, t]) => [month, t.map((r) => r.map((c) => c[name]))])
							),
							shape,
							period,
							opts.k
						)
					)
					.reduce((a, b) => a.map((row, r) => row.map((x, c) => x || (b[r]?.[c] ?? false))))
			: undefined;
	const hidden = Object.fromEntries(
		COUNTED.map((name) => [
			name,
			suppress(
				sums.slice(0, -1).map((row) => row.slice(0, twoWay ? -1 : undefined).map((c) => c[name])),
				opts.k,
				{ margins: sums.map((row) => row.map((c) => c[name])), forced: forced(name) }
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
