import { describe, expect, it } from 'vitest';
import { suppress, withMargins } from '../../../src/lib/server/reports/suppression.ts';

/** Every additive line (row or column with its total) hides no entry or at least two. */
function leakyLines(hidden: boolean[][]): string[] {
	const height = hidden.length;
	const width = hidden[0]?.length ?? 0;
	const out: string[] = [];
	if (width > 1)
		hidden.forEach((row, r) => {
			if (row.filter(Boolean).length === 1) out.push(`row ${r}`);
		});
	if (height > 1)
		for (let c = 0; c < width; c++) {
			if (hidden.filter((row) => row[c]).length === 1) out.push(`column ${c}`);
		}
	return out;
}

/** What a reader can subtract: a line's total minus its visible entries, when one entry is hidden. */
function recoverable(values: number[][], hidden: boolean[][]): number[] {
	const found: number[] = [];
	const check = (entries: [number, number][]) => {
		const at = entries.filter(([r, c]) => hidden[r]?.[c]);
		if (at.length !== 1) return;
		const total = entries[entries.length - 1]!;
		const visible = entries
			.slice(0, -1)
			.filter(([r, c]) => !hidden[r]?.[c])
			.reduce((s, [r, c]) => s + (values[r]?.[c] ?? 0), 0);
		const [tr, tc] = total;
		found.push(hidden[tr]?.[tc] ? NaN : (values[tr]?.[tc] ?? 0) - visible);
	};
	const height = values.length;
	const width = values[0]?.length ?? 0;
	if (width > 1)
		for (let r = 0; r < height; r++) check(Array.from({ length: width }, (_, c) => [r, c]));
	if (height > 1)
		for (let c = 0; c < width; c++) check(Array.from({ length: height }, (_, r) => [r, c]));
	return found;
}

describe('small-cell suppression', () => {
	it('adds row totals only to tables with several columns, and column totals always', () => {
		expect(withMargins([[1], [2]])).toEqual([[1], [2], [3]]);
		expect(
			withMargins([
				[1, 2],
				[3, 4]
			])
		).toEqual([
			[1, 2, 3],
			[3, 4, 7],
			[4, 6, 10]
		]);
	});

	it('hides every count below k and nothing at or above it', () => {
		const { hidden, reason } = suppress([[5], [6], [7]], 5);
		expect(hidden.flat()).toEqual([false, false, false, false]);
		expect(reason.flat()).toEqual([null, null, null, null]);
	});

	it('one-way: hides the next smallest row too, or total − visible rows would give the small one', () => {
		// Naive suppression shows 10, 12 and the total 25: 25 − 10 − 12 = 3, the hidden value.
		const naive = withMargins([[3], [10], [12]]).map((row) => row.map((v) => v < 5));
		expect(recoverable(withMargins([[3], [10], [12]]), naive)).toEqual([3]);
		const { hidden, reason } = suppress([[3], [10], [12]], 5);
		expect(reason.map((row) => row[0])).toEqual(['primary', 'secondary', null, null]);
		expect(recoverable(withMargins([[3], [10], [12]]), hidden)).toEqual([]);
	});

	it('two-way: protects the small cell in its row and in its column, then the rows those touch', () => {
		const cells = [
			[2, 8, 9],
			[7, 6, 10],
			[12, 11, 15]
		];
		const { values, hidden, reason } = suppress(cells, 5);
		expect(reason[0]?.slice(0, 3)).toEqual(['primary', 'secondary', null]);
		expect(reason[1]?.slice(0, 3)).toEqual(['secondary', 'secondary', null]);
		expect(reason[2]?.slice(0, 3)).toEqual([null, null, null]);
		expect(leakyLines(hidden)).toEqual([]);
		expect(recoverable(values, hidden)).toEqual([]);
		// Totals stay visible: they protect nothing here.
		expect(hidden.map((row) => row[3])).toEqual([false, false, false, false]);
	});

	it('a row whose total is small hides the whole row and protects its total in the totals column', () => {
		const { values, hidden } = suppress(
			[
				[1, 2],
				[10, 12]
			],
			5
		);
		expect(hidden[0]).toEqual([true, true, true]);
		expect(leakyLines(hidden)).toEqual([]);
		expect(recoverable(values, hidden)).toEqual([]);
	});

	it('a grand total below k hides everything', () => {
		const { hidden } = suppress([[1], [2]], 5);
		expect(hidden.flat().every(Boolean)).toBe(true);
	});

	it('k comes from the caller: k = 10 hides what k = 5 shows', () => {
		expect(
			suppress([[7], [20], [30]], 5)
				.hidden.flat()
				.some(Boolean)
		).toBe(false);
		expect(suppress([[7], [20], [30]], 10).reason.map((r) => r[0])).toEqual([
			'primary',
			'secondary',
			null,
			null
		]);
	});

	it('never leaves a line with exactly one hidden entry, on many random tables', () => {
		let seed = 7;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % n;
		};
		for (let t = 0; t < 300; t++) {
			const rows = 1 + rand(6);
			const cols = 1 + rand(5);
			const cells = Array.from({ length: rows }, () =>
				Array.from({ length: cols }, () => (rand(4) === 0 ? rand(5) : rand(40)))
			);
			const { values, hidden, reason } = suppress(cells, 5);
			expect(leakyLines(hidden), JSON.stringify(cells)).toEqual([]);
			values.forEach((row, r) => {
				row.forEach((v, c) => {
					if (v < 5) expect(reason[r]?.[c]).toBe('primary');
				});
			});
		}
	});
});
