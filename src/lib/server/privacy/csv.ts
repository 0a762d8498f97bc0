/** A cell as text: numbers, booleans and objects as JSON, nothing for null. */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Arabic right) and CRLF
 * lines. A cell that a spreadsheet would run as a formula (= + - @ at the start) is prefixed
 * with an apostrophe: names and answers are typed by people.
 */
export function toCsv(headers: string[], rows: unknown[][]): string {
	const cell = (v: unknown) => {
		let t = cellText(v);
		if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
		return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
	};
	const lines = [headers, ...rows].map((r) => r.map(cell).join(','));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
