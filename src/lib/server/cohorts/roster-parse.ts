// A roster file as trainers export it from Excel or LibreOffice: UTF-8 (with or without BOM),
// `,` or `;` between fields (French and Arabic locales write `;`), quoted fields, an optional
// header row. Each row is checked on its own so the preview can show every problem at once.
import { parse } from 'csv-parse/sync';
import type { DbLike } from '../db/index.ts';
import {
	GENDERS,
	POSITIONS,
	governorate,
	municipality,
	type Gender,
	type Position
} from '../db/schema/index.ts';
import { cleanText } from '../text/clean.ts';

export const ROSTER_COLUMNS = [
	'name',
	'email',
	'position',
	'governorate',
	'municipality',
	'gender'
] as const;

export type RosterPerson = {
	name: string;
	email: string;
	position: Position | null;
	governorateId: string | null;
	municipalityId: number | null;
	gender: Gender | null;
};

/** One line of the file: what it says, and the error codes of what does not fit. */
export type RosterRow = {
	line: number;
	cells: string[];
	person: RosterPerson | null;
	problems: string[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The separator Excel used: the one that splits the first line into more fields. */
function separatorOf(text: string): ',' | ';' {
	const first = text.split(/\r?\n/, 1)[0] ?? '';
	return first.split(';').length > first.split(',').length ? ';' : ',';
}

/** Reads the file's rows; a file that is not CSV at all gives null. */
export function readCsv(text: string): string[][] | null {
	try {
		return parse(text, {
			bom: true,
			delimiter: separatorOf(text.replace(/^\uFEFF/, '')),
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true
		});
	} catch {
		return null;
	}
}

type Places = { govs: Map<string, string>; munis: Map<string, number> };

function places(db: DbLike): Places {
	const govs = new Map<string, string>();
	for (const g of db.select().from(governorate).all())
		for (const k of [g.id, g.nameAr, g.nameFr, g.nameEn]) govs.set(k.toLowerCase(), g.id);
	const munis = new Map<string, number>();
	for (const m of db.select().from(municipality).all())
		for (const k of [m.nameAr, m.nameFr, m.nameEn])
			munis.set(`${m.governorateId}|${k.toLowerCase()}`, m.id);
	return { govs, munis };
}

function checkRow(cells: string[], line: number, p: Places): RosterRow {
	const [name = '', email = '', position = '', gov = '', muni = '', gender = ''] = cells;
	const problems: string[] = [];
	const cleanName = cleanText(name);
	if (!cleanName) problems.push('roster_name_missing');
	else if (cleanName.length > 120) problems.push('too_long');
	const mail = email.trim().toLowerCase();
	if (!EMAIL.test(mail) || mail.length > 254) problems.push('invalid_email');
	const pos = position.trim().toLowerCase();
	if (pos && !POSITIONS.includes(pos as Position)) problems.push('roster_position_unknown');
	const governorateId = gov.trim() ? (p.govs.get(gov.trim().toLowerCase()) ?? null) : null;
	if (gov.trim() && !governorateId) problems.push('roster_governorate_unknown');
	let municipalityId: number | null = null;
	if (muni.trim()) {
		municipalityId = governorateId
			? (p.munis.get(`${governorateId}|${muni.trim().toLowerCase()}`) ?? null)
			: null;
		if (municipalityId === null) problems.push('roster_municipality_unknown');
	}
	const sex = gender.trim().toLowerCase();
	if (sex && !GENDERS.includes(sex as Gender)) problems.push('roster_gender_unknown');
	const person: RosterPerson | null = problems.length
		? null
		: {
				name: cleanName,
				email: mail,
				position: (pos || null) as Position | null,
				governorateId,
				municipalityId,
				gender: (sex || null) as Gender | null
			};
	return { line, cells, person, problems };
}

/**
 * Every data row of a roster, checked; a header row (its second cell says `email`) is skipped.
 * An email given twice is a problem on its second line.
 */
export function parseRoster(db: DbLike, text: string): RosterRow[] | null {
	const records = readCsv(text);
	if (!records) return null;
	const p = places(db);
	const header = records[0]?.[1]?.trim().toLowerCase() === 'email';
	const seen = new Set<string>();
	return records.slice(header ? 1 : 0).map((cells, i) => {
		const row = checkRow(cells, i + (header ? 2 : 1), p);
		const mail = row.person?.email;
		if (mail && seen.has(mail))
			return { ...row, person: null, problems: ['roster_email_repeated'] };
		if (mail) seen.add(mail);
		return row;
	});
}
