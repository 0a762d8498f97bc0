// Small-cell suppression for published counts (statistical disclosure control).
//
// A table is given with its margins, as it is published: `cells[r][c]` plus the row totals, the
// column totals and the grand total. Every entry counting fewer than k learners is hidden
// (primary). Then, because a hidden entry in a line (a row or a column, totals included) whose
// other entries are all visible equals total − visible entries, each line with exactly one hidden
// entry gets its next smallest visible entry hidden too (secondary), until no line has exactly one.
// A one-way table (one column) has no row totals: its only line is the column with its total.

export type Grid = readonly (readonly number[])[];

/** The primary rule: a count of fewer than k learners is not published. */
export const isSmall = (count: number, k: number): boolean => count < k;

/** Which entries of the table with margins are hidden; same shape as `withMargins`. */
export type Mask = boolean[][];

export type Suppressed = {
	/** The table as published: cells, then row totals in the last column (two-way tables only),
	 *  then column totals in the last row (its last entry is the grand total). */
	values: number[][];
	hidden: Mask;
	/** Why each hidden entry is hidden: fewer than k ('primary'), the differencing guard of a
	 *  period ('period', period-guard.ts), or to protect one of those ('secondary'). */
	reason: (null | 'primary' | 'period' | 'secondary')[][];
};

/** Adds the margins a published table shows: row totals when it has several columns, then column totals. */
export function withMargins(cells: Grid): number[][] {
	const cols = cells[0]?.length ?? 0;
	const rowTotals = cols > 1;
	const rows = cells.map((row) => (rowTotals ? [...row, sum(row)] : [...row]));
	const width = rowTotals ? cols + 1 : cols;
	const totals = Array.from({ length: width }, (_, c) => sum(rows.map((row) => row[c] ?? 0)));
	return [...rows, totals];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The additive lines of a table with margins: each one's entries, its total last. */
function lines(height: number, width: number): [number, number][][] {
	const out: [number, number][][] = [];
	if (width > 1) {
		for (let r = 0; r < height; r++) out.push(Array.from({ length: width }, (_, c) => [r, c]));
	}
	if (height > 1) {
		for (let c = 0; c < width; c++) out.push(Array.from({ length: height }, (_, r) => [r, c]));
	}
	return out;
}

/**
 * Primary and secondary suppression of a count table (cells without margins; the result holds
 * the margins too). k = 0 or 1 hides nothing below it. `margins` gives the table with margins
 * when they are not sums of the cells (a breakdown by cohort: a learner in two cohorts counts
 * once in a total); its lines are then protected as if they were additive, which is at least as
 * strict. `forced` marks entries hidden for another reason (the period guard), protected in turn.
 */
export function suppress(
	cells: Grid,
	k: number,
	opts: { margins?: number[][]; forced?: Mask } = {}
): Suppressed {
	const values = opts.margins ?? withMargins(cells);
	const height = values.length;
	const width = values[0]?.length ?? 0;
	const reason: Suppressed['reason'] = values.map((row, r) =>
		row.map((v, c) => (isSmall(v, k) ? 'primary' : opts.forced?.[r]?.[c] ? 'period' : null))
	);
	const isHidden = ([r, c]: [number, number]) => reason[r]?.[c] != null;
	const all = lines(height, width);
	let changed = true;
	while (changed) {
		changed = false;
		for (const line of all) {
			if (line.filter(isHidden).length !== 1) continue;
			const next = nextSmallest(line, values, isHidden);
			if (!next) continue;
			const [r, c] = next;
			const row = reason[r];
			if (row) row[c] = 'secondary';
			changed = true;
		}
	}
	return { values, hidden: reason.map((row) => row.map((x) => x !== null)), reason };
}

/** The smallest visible entry of a line, a cell before a total (hiding a total protects less). */
function nextSmallest(
	line: [number, number][],
	values: number[][],
	isHidden: (at: [number, number]) => boolean
): [number, number] | undefined {
	const visible = line.filter((at) => !isHidden(at));
	const total = line[line.length - 1];
	const inner = visible.filter((at) => at !== total);
	const pool = inner.length > 0 ? inner : visible;
	let best: [number, number] | undefined;
	for (const at of pool) {
		if (!best || value(values, at) < value(values, best)) best = at;
	}
	return best;
}

const value = (values: number[][], [r, c]: [number, number]) => values[r]?.[c] ?? 0;
