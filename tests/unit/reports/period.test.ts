// Report periods: whole months, one parser for the page, the exports and the API, and the
// differencing guard that keeps two periods from being subtracted down to a small count.
import { describe, expect, it } from 'vitest';
import {
	monthStart,
	parsePeriod,
	parseReportQuery,
	withoutPeriod
} from '../../../src/lib/server/reports/filters.ts';
import {
	periodHides,
	periodMask,
	type MonthCount
} from '../../../src/lib/server/reports/period-guard.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';

const refusal = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		if (e instanceof DomainError) return { code: e.code, field: e.field };
		throw e;
	}
	return null;
};
const query = (q: string) => parseReportQuery(new URLSearchParams(q));

describe('period parsing', () => {
	it('reads whole months on both axes, empty fields being no filter', () => {
		expect(query('from=2026-01&to=2026-03&completedFrom=2026-02&completedTo=').filter).toEqual({
			from: '2026-01',
			to: '2026-03',
			completedFrom: '2026-02'
		});
		expect(parsePeriod('completed', { from: '2026-04', to: '2026-04' })).toEqual({
			from: '2026-04',
			to: '2026-04'
		});
	});

	it('refuses days, bad months and junk as report_period_invalid naming the field', () => {
		for (const [q, field] of [
			['from=2026-01-15', 'from'],
			['to=2026-13', 'to'],
			['completedFrom=2026-00', 'completedFrom'],
			['completedTo=26-03', 'completedTo'],
			['completedFrom=1969-12', 'completedFrom'],
			['completedTo=2026-3', 'completedTo'],
			['completedFrom=%3Cscript%3E', 'completedFrom']
		] as const)
			expect(
				refusal(() => query(q)),
				q
			).toEqual({ code: 'report_period_invalid', field });
	});

	it('refuses a period that ends before it starts as report_period_order on its last month', () => {
		expect(refusal(() => query('completedFrom=2026-05&completedTo=2026-04'))).toEqual({
			code: 'report_period_order',
			field: 'completedTo'
		});
		expect(refusal(() => query('from=2027-01&to=2026-12'))).toEqual({
			code: 'report_period_order',
			field: 'to'
		});
		// The same month at both ends is a one-month period.
		expect(refusal(() => query('completedFrom=2026-05&completedTo=2026-05'))).toBeNull();
	});

	it('turns months into UTC bounds, December into the next January', () => {
		expect(new Date(monthStart('2026-03')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
		expect(new Date(monthStart('2026-12', 1)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
		expect(
			withoutPeriod({ from: '2026-01', completedTo: '2026-02', sex: 'man' }, 'completed')
		).toEqual({ from: '2026-01', sex: 'man' });
	});
});

describe('differencing guard', () => {
	const k = 5;
	// One cell (women of Tozeur, say) completed the course 10 in January, 10 in February, 3 in March.
	const cell: MonthCount[] = [
		['2026-01', 10],
		['2026-02', 10],
		['2026-03', 3]
	];
	const sum = (from: string, to: string) =>
		cell.filter(([m]) => m >= from && m <= to).reduce((t, [, n]) => t + n, 0);

	it('a fixture where naive suppression leaks March (3 < k) by subtracting two periods', () => {
		// Naive: each period is suppressed on its own total only; both totals are large.
		const naive = (from: string, to: string) => (sum(from, to) < k ? null : sum(from, to));
		const q1 = naive('2026-01', '2026-03');
		const q2 = naive('2026-01', '2026-02');
		expect([q1, q2]).toEqual([23, 20]);
		expect(q1! - q2!).toBe(3); // the leak: 3 learners, fewer than k
		// Guarded: January–March holds a month of 3; January–February leaves 3 after it.
		expect(periodHides(cell, { from: '2026-01', to: '2026-03' }, k)).toBe(true);
		expect(periodHides(cell, { from: '2026-01', to: '2026-02' }, k)).toBe(true);
		// And against the report without a period (23): February–March would leave January's
		// 10 (fine) but holds March's 3; January alone leaves 13 after it and is shown.
		expect(periodHides(cell, { from: '2026-02', to: '2026-03' }, k)).toBe(true);
		expect(periodHides(cell, { from: '2026-01', to: '2026-01' }, k)).toBe(false);
		expect(periodHides(cell, { to: '2026-01' }, k)).toBe(false);
	});

	it('counts "never" (not completed) after every period, and lets empty months be', () => {
		const withNever: MonthCount[] = [
			['2026-01', 8],
			['2026-02', 0],
			['', 2]
		];
		expect(periodHides(withNever, { from: '2026-01' }, k)).toBe(true);
		expect(periodHides([...withNever.slice(0, 2), ['', 6]], { from: '2026-01' }, k)).toBe(false);
	});

	it('no two shown periods of a cell (or a period and no period) differ by 1…k−1 learners', () => {
		// Exhaustive over every pair of month ranges, open ends included, on random timelines:
		// where both are shown, the months one covers and the other does not count 0 or ≥ k.
		let seed = 7;
		const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 14;
		const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
		const bounds = [undefined, ...months];
		let checked = 0;
		for (let trial = 0; trial < 300; trial++) {
			const timeline: MonthCount[] = months.map((m) => [m, Math.floor(rand()) % 9]);
			const periods = bounds.flatMap((from) =>
				bounds.filter((to) => !from || !to || from <= to).map((to) => ({ from, to }))
			);
			const value = (p: { from?: string; to?: string }) =>
				timeline
					.filter(([m]) => (!p.from || m >= p.from) && (!p.to || m <= p.to))
					.reduce((t, [, n]) => t + n, 0);
			const shown = periods.filter(
				(p) => (p.from === undefined && p.to === undefined) || !periodHides(timeline, p, k)
			);
			for (const a of shown)
				for (const b of shown) {
					const nested = (a.from ?? '') <= (b.from ?? '') && (b.to ?? '9999') <= (a.to ?? '9999');
					if (!nested) continue;
					const diff = value(a) - value(b);
					checked++;
					expect(diff === 0 || diff >= k, JSON.stringify({ timeline, a, b, diff })).toBe(true);
				}
		}
		expect(checked).toBeGreaterThan(1000);
	});

	it('guards every entry of a table, margins included', () => {
		const byMonth = new Map([
			['2026-01', [[6], [6]]],
			['2026-02', [[2], [2]]]
		]);
		expect(
			periodMask(byMonth, { height: 2, width: 1 }, { from: '2026-01', to: '2026-01' }, k)
		).toEqual([[true], [true]]);
		expect(
			periodMask(new Map([['2026-01', [[6], [6]]]]), { height: 2, width: 1 }, { to: '2026-01' }, k)
		).toEqual([[false], [false]]);
	});
});
