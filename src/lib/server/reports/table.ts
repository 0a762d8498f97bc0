// The report as a table of cells: the one shape the page, the CSV and the XLSX all show, so a
// hidden count reaches no output. Hidden counts read "< k"; rates and means that are not shown
// are empty; numbers stay numbers (the page formats them for its locale).
import { formatInterval, roundTenths, type NumberLocale } from '../../format/numbers.ts';
import type { Cell } from '../export/csv.ts';
import type { Dimension } from './filters.ts';
import type { Report, ReportRow } from './indicators.ts';

export const COLUMNS = [
	'enrolled',
	'started',
	'completed',
	'certified',
	'completionRate',
	'womenEnrolledShare',
	'womenCertifiedShare',
	'paired',
	'meanPre',
	'meanFinal',
	'meanGain',
	'gainCi',
	'hake',
	'improvedShare'
] as const;
export type Column = (typeof COLUMNS)[number];

/** Which columns are percentages (0–100 in the table). */
export const PERCENT_COLUMNS: readonly Column[] = [
	'completionRate',
	'womenEnrolledShare',
	'womenCertifiedShare',
	'improvedShare'
];

export type TableLabels = {
	dimension: (d: Dimension) => string;
	category: (d: Dimension, key: string) => string;
	column: (c: Column) => string;
	/** The label of a row or column total ("All"). */
	all: string;
	/**
	 * The reader's language, for the one column that is text made of numbers (the confidence
	 * interval); without it (the JSON API) the bounds are written as JSON numbers are: 2.1 – 8.3.
	 */
	locale?: NumberLocale;
};

export type ReportTable = {
	header: string[];
	rows: { level: ReportRow['level']; cells: Cell[] }[];
};

// Tenths by the one rounding rule of every shown score (lib/format/numbers.ts); the Hake gain,
// a ratio, keeps two decimals.
const round = (v: number | null, digits = 1): number | null =>
	v === null ? null : digits === 1 ? roundTenths(v) : Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (v: number | null) => round(v === null ? null : v * 100);

const interval = ([low, high]: [number, number], locale?: NumberLocale) =>
	locale
		? formatInterval(low, high, locale)
		: `${String(roundTenths(low))} – ${String(roundTenths(high))}`;

function value(row: ReportRow, column: Column, hidden: string, locale?: NumberLocale): Cell {
	switch (column) {
		case 'enrolled':
		case 'started':
		case 'completed':
		case 'certified':
		case 'paired': {
			const count = row.counts[column];
			return count.hidden ? hidden : count.value;
		}
		case 'completionRate':
		case 'womenEnrolledShare':
		case 'womenCertifiedShare':
		case 'improvedShare':
			return pct(row[column]);
		case 'meanPre':
		case 'meanFinal':
		case 'meanGain':
			return round(row[column]);
		case 'gainCi':
			return row.ci ? interval(row.ci, locale) : null;
		case 'hake':
			return round(row.hake, 2);
	}
}

/** The report's rows as cells, first the breakdown's categories, then every indicator. */
export function reportTable(report: Report, labels: TableLabels): ReportTable {
	const hidden = `< ${String(report.k)}`;
	const dims = report.breakdown;
	return {
		header: [
			...(dims.length ? dims.map(labels.dimension) : [labels.all]),
			...COLUMNS.map(labels.column)
		],
		rows: report.rows.map((row) => ({
			level: row.level,
			cells: [
				...(dims.length
					? dims.map((d, i) => {
							const key = row.keys[i];
							return key == null ? labels.all : labels.category(d, key);
						})
					: [labels.all]),
				...COLUMNS.map((c) => value(row, c, hidden, labels.locale))
			]
		}))
	};
}
