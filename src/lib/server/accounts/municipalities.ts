// Adding municipalities to the list people choose from: one at a time by an admin, or a CSV file
// (code, governorate, name_ar, name_fr, name_en) from the admin page or the command line. Every row
// is checked on its own, so one reading shows every problem; a file with any problem saves nothing,
// and importing the same file again changes nothing (rows are keyed by code).
import { eq } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { governorate, municipality } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { readCsv } from '../cohorts/roster-parse.ts';
import { cleanText } from '../text/clean.ts';

export const MUNICIPALITY_COLUMNS = [
	'code',
	'governorate',
	'name_ar',
	'name_fr',
	'name_en'
] as const;

export type MunicipalityInput = {
	code: string;
	governorateId: string;
	nameAr: string;
	nameFr: string;
	nameEn: string;
};

/** One line of a file: what it says, and the error codes (error-table.ts) of what does not fit. */
export type MunicipalityRow = {
	line: number;
	cells: string[];
	value: MunicipalityInput | null;
	problems: string[];
};

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/** Governorates by ISO code and by name in any language, lower-cased. */
function governorates(db: DbLike): Map<string, string> {
	const byKey = new Map<string, string>();
	for (const g of db.select().from(governorate).all())
		for (const k of [g.id, g.nameAr, g.nameFr, g.nameEn]) byKey.set(k.toLowerCase(), g.id);
	return byKey;
}

function checkRow(
	cells: string[],
	line: number,
	govs: Map<string, string>,
	taken: Map<string, string>
): MunicipalityRow {
	const [code = '', gov = '', ar = '', fr = '', en = ''] = cells.map((c) => cleanText(c));
	const problems: string[] = [];
	const upper = code.toUpperCase();
	if (!CODE.test(upper)) problems.push('municipality_code_invalid');
	const governorateId = govs.get(gov.toLowerCase()) ?? null;
	if (!governorateId) problems.push('municipality_governorate_unknown');
	if (!ar || !fr || !en) problems.push('municipality_name_missing');
	if ([ar, fr, en].some((n) => n.length > 120)) problems.push('too_long');
	const known = taken.get(upper);
	if (known && governorateId && known !== governorateId) problems.push('municipality_code_taken');
	const value = problems.length
		? null
		: { code: upper, governorateId: governorateId ?? '', nameAr: ar, nameFr: fr, nameEn: en };
	return { line, cells, value, problems };
}

/** Codes already in the list, with their governorate. */
function takenCodes(db: DbLike): Map<string, string> {
	const rows = db
		.select({ code: municipality.code, gov: municipality.governorateId })
		.from(municipality)
		.all();
	return new Map(rows.map((r) => [r.code, r.gov]));
}

/** Checks one municipality typed on the admin page (the same rules as a CSV row). */
export function checkMunicipality(db: DbLike, cells: string[]): MunicipalityRow {
	return checkRow(cells, 1, governorates(db), takenCodes(db));
}

/**
 * Every data row of a municipalities CSV, checked; a header row (first cell `code`) is skipped
 * and a code given twice is a problem on its second line. Not CSV at all gives null.
 */
export function parseMunicipalities(db: DbLike, text: string): MunicipalityRow[] | null {
	const records = readCsv(text);
	if (!records) return null;
	const govs = governorates(db);
	const taken = takenCodes(db);
	const header = records[0]?.[0]?.trim().toLowerCase() === 'code';
	const seen = new Set<string>();
	return records.slice(header ? 1 : 0).map((cells, i) => {
		const row = checkRow(cells, i + (header ? 2 : 1), govs, taken);
		const code = row.value?.code;
		if (code && seen.has(code))
			return { ...row, value: null, problems: ['municipality_code_repeated'] };
		if (code) seen.add(code);
		return row;
	});
}

/**
 * Saves checked municipalities in one transaction: a new code is added, a known one gets the
 * names given (its governorate never changes: people already point at it). Returns the counts.
 */
export function saveMunicipalities(
	db: Db,
	{ rows, actorId }: { rows: MunicipalityInput[]; actorId: string | null }
): { added: number; updated: number } {
	const now = new Date();
	return db.transaction((tx) => {
		let added = 0;
		let updated = 0;
		for (const r of rows) {
			const names = { nameAr: r.nameAr, nameFr: r.nameFr, nameEn: r.nameEn };
			const existing = tx
				.select({ id: municipality.id })
				.from(municipality)
				.where(eq(municipality.code, r.code))
				.get();
			if (existing) {
				tx.update(municipality).set(names).where(eq(municipality.id, existing.id)).run();
				updated++;
			} else {
				tx.insert(municipality)
					.values({
						...names,
						code: r.code,
						governorateId: r.governorateId,
						addedBy: actorId,
						createdAt: now
					})
					.run();
				added++;
			}
		}
		recordAudit(tx, {
			actorId,
			action: 'municipality.import',
			subjectType: 'municipality',
			subjectId: rows.length === 1 ? (rows[0]?.code ?? null) : null,
			details: { added, updated }
		});
		return { added, updated };
	});
}
