// CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (without it Excel reads
// Arabic as mojibake), CRLF line ends, every field quoted when it must be. A cell that starts
// like a formula is prefixed with an apostrophe (OWASP "CSV injection"), since a learner's name
// or answer is attacker-controlled text that a trainer will open in Excel.

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Any stored value as a cell: dates in ISO 8601, booleans and objects as JSON, null as empty. */
export function asCell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (value instanceof Date) return value.toISOString();
	return JSON.stringify(value);
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
