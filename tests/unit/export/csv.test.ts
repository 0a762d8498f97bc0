import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { asCell, toCsv } from '../../../src/lib/server/export/csv.ts';

describe('toCsv', () => {
	it('writes what a spreadsheet reads back: BOM, CRLF, quotes only where needed', () => {
		const csv = toCsv([
			['الاسم', 'Score'],
			['أمينة بن صالح', 86.67],
			['Ali, "Sfax"', null],
			['two\nlines', 3]
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		expect(csv).toContain('"Ali, ""Sfax"""');
		const rows: string[][] = parse(csv, { bom: true });
		expect(rows).toEqual([
			['الاسم', 'Score'],
			['أمينة بن صالح', '86.67'],
			['Ali, "Sfax"', ''],
			['two\nlines', '3']
		]);
	});

	it('keeps typed text from running as a formula (CSV injection)', () => {
		const rows: string[][] = parse(toCsv([['=HYPERLINK("x")', '+1', '-2', '@A1', 'safe']]), {
			bom: true
		});
		expect(rows[0]).toEqual(['\'=HYPERLINK("x")', "'+1", "'-2", "'@A1", 'safe']);
	});
});

describe('asCell', () => {
	it('turns stored values into cells', () => {
		expect(asCell(null)).toBeNull();
		expect(asCell(undefined)).toBeNull();
		expect(asCell('x')).toBe('x');
		expect(asCell(2)).toBe(2);
		expect(asCell(true)).toBe('true');
		expect(asCell(new Date('2026-12-01T04:00:00Z'))).toBe('2026-12-01T04:00:00.000Z');
		expect(asCell({ ar: 'نص' })).toBe('{"ar":"نص"}');
	});
});
