// The report table's confidence interval is text made of numbers: it must read with the
// reader's decimal sign (issue 14: "12,3 – 15,6" in French and Arabic), not JavaScript's dot.
import { describe, expect, it } from 'vitest';
import type { Report, ReportRow } from '../../../src/lib/server/reports/indicators.ts';
import { COLUMNS, reportTable, type TableLabels } from '../../../src/lib/server/reports/table.ts';
import type { NumberLocale } from '../../../src/lib/format/numbers.ts';

const count = (value: number) => ({ value, hidden: false });
const row: ReportRow = {
	keys: [],
	level: 'total',
	counts: {
		enrolled: count(40),
		started: count(30),
		completed: count(20),
		certified: count(18),
		womenEnrolled: count(16),
		womenCertified: count(8),
		paired: count(12),
		improved: count(10)
	},
	completionRate: 0.5,
	womenEnrolledShare: 0.4,
	womenCertifiedShare: 0.44,
	meanPre: 52.25,
	meanFinal: 71.5,
	meanGain: 19.25,
	ci: [-3.25, 15.68],
	hake: 0.4,
	improvedShare: 10 / 12
};
const report: Report = { breakdown: [], k: 5, rows: [row], extractedAt: new Date(0) };
const labels = (locale?: NumberLocale): TableLabels => ({
	dimension: (d) => d,
	category: (_d, key) => key,
	column: (c) => c,
	all: 'all',
	locale
});
const ci = (locale?: NumberLocale) =>
	reportTable(report, labels(locale)).rows[0]!.cells[1 + COLUMNS.indexOf('gainCi')];

describe('the confidence interval in the reader’s number format', () => {
	it('uses a decimal comma in French', () => {
		expect(ci('fr')).toBe('-3,2 – 15,6');
	});

	it('uses the Tunisian Arabic decimal comma, Western digits, the minus kept before its digits', () => {
		expect(ci('ar')).toBe('\u200e-3,2 – 15,6');
	});

	it('uses a decimal point in English', () => {
		expect(ci('en')).toBe('-3.2 – 15.6');
	});

	it('rounds the bounds toward zero like every shown score (15.68 is 15.6)', () => {
		expect(ci()).toBe('-3.2 – 15.6');
	});
});
