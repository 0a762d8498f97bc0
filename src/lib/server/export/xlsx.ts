// XLSX through exceljs. A sheet whose headers are Arabic is written right to left, as an
// Arabic-speaking reader expects Excel to open it.
import ExcelJS from 'exceljs';
import type { Cell } from './csv.ts';

export type Sheet = { name: string; rows: readonly (readonly Cell[])[]; rightToLeft: boolean };

/** Excel refuses sheet names over 31 characters or with any of `[]:*?/\`. */
export function sheetName(name: string): string {
	return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.created = new Date();
	for (const sheet of sheets) {
		const ws = book.addWorksheet(sheetName(sheet.name), {
			views: [{ rightToLeft: sheet.rightToLeft, state: 'frozen', ySplit: 1 }]
		});
		for (const row of sheet.rows) ws.addRow([...row]);
		ws.getRow(1).font = { bold: true };
	}
	return Buffer.from(await book.xlsx.writeBuffer());
}
