// One question as the studio's plain HTML form holds it, and back. Field names are the
// question's YAML paths (`prompt.ar`, `options.1.text.fr`), so a checker problem found at a
// path lands beside the field of that name. Values are kept as typed: a number that is not
// one goes into the file as text and the checker says so, as it would for a hand-written file.
import { isLocale, type Locale } from '../../text/localised.ts';
import type { QuestionType } from '../../courses/types.ts';
import type { QuestionBody } from './quiz-yaml.ts';

export type FormValues = Record<string, string>;
type Obj = Record<string, unknown>;

/**
 * Lists of rows per type: the localised keys of each row, its number keys, the fewest rows
 * shown, and whether no row at all leaves the key out (an essay without a rubric).
 */
export const ROWS: Partial<
	Record<
		QuestionType,
		{ key: string; texts: string[]; numbers: string[]; min: number; optional?: boolean }
	>
> = {
	single: { key: 'options', texts: ['text', 'feedback'], numbers: [], min: 4 },
	multiple: { key: 'options', texts: ['text', 'feedback'], numbers: ['fraction'], min: 4 },
	matching: { key: 'pairs', texts: ['prompt', 'match'], numbers: [], min: 3 },
	ordering: { key: 'items', texts: ['text'], numbers: [], min: 3 },
	essay: { key: 'rubric', texts: ['text'], numbers: ['points'], min: 2, optional: true }
};
/** Localised keys of the question itself, per type, after `prompt`. */
export const TEXTS: Record<QuestionType, string[]> = {
	single: ['feedback'],
	multiple: ['feedback'],
	truefalse: ['feedbackTrue', 'feedbackFalse', 'feedback'],
	short: ['display', 'feedback'],
	numeric: ['unit', 'feedback'],
	matching: ['feedback'],
	ordering: ['feedback'],
	essay: ['guidance', 'feedback'],
	description: []
};
/** Number fields of the question itself, per type. */
export const NUMBERS: Record<QuestionType, string[]> = {
	single: ['points'],
	multiple: ['points'],
	truefalse: ['points'],
	short: ['points'],
	numeric: ['points', 'answer', 'tolerance', 'min', 'max'],
	matching: ['points'],
	ordering: ['points'],
	essay: ['points', 'minWords', 'minutes'],
	description: []
};

const str = (v: unknown): string =>
	typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

/** The form's values for a question as the file holds it. */
export function questionToForm(body: QuestionBody, locales: readonly Locale[]): FormValues {
	const type = body.type as QuestionType;
	const out: FormValues = { id: str(body.id) };
	const texts = (prefix: string, value: unknown) => {
		for (const l of locales) {
			const v = obj(value)[l];
			out[`${prefix}.${l}`] = Array.isArray(v) ? v.map(str).join('\n') : str(v);
		}
	};
	for (const key of NUMBERS[type]) out[key] = str(body[key]);
	for (const key of ['prompt', ...TEXTS[type]]) texts(key, body[key]);
	if (type === 'short') texts('accept', body.accept);
	if (type === 'truefalse') out.answer = str(body.answer);
	const rows = ROWS[type];
	if (rows)
		for (const [i, item] of list(body[rows.key]).entries()) {
			out[`${rows.key}.${i}.id`] = str(item.id);
			for (const t of rows.texts) texts(`${rows.key}.${i}.${t}`, item[t]);
			for (const n of rows.numbers) out[`${rows.key}.${i}.${n}`] = str(item[n]);
			if (type === 'single' && item.correct === true) out.correct = String(i);
		}
	return out;
}

/** How many rows of a list the form shows: those filled in, and two empty ones to add. */
export function rowCount(type: QuestionType, values: FormValues): number {
	const rows = ROWS[type];
	if (!rows) return 0;
	const used = Object.keys(values).flatMap((k) => {
		const m = new RegExp(`^${rows.key}\\.(\\d+)\\.`).exec(k);
		return m && values[k]?.trim() ? [Number(m[1]) + 1] : [];
	});
	return Math.max(rows.min, Math.max(0, ...used) + 2);
}

/**
 * The question the form describes, for the course `locales`; keys the form does not show
 * (idnumber, tags, a row's unknown keys) are kept from `existing`. An empty text (feedback,
 * guidance, …) leaves its key out.
 */
export function formToQuestion(
	type: QuestionType,
	values: FormValues,
	{ locales, existing = {} }: { locales: readonly Locale[]; existing?: QuestionBody }
): QuestionBody {
	const get = (k: string) => (values[k] ?? '').trim();
	const texts = (prefix: string) => {
		const out = Object.fromEntries(
			locales.flatMap((l) => (get(`${prefix}.${l}`) ? [[l, get(`${prefix}.${l}`)]] : []))
		);
		return Object.keys(out).length ? out : undefined;
	};
	const number = (k: string) => {
		const v = get(k);
		return v === '' ? undefined : Number.isFinite(Number(v)) ? Number(v) : v;
	};
	const body: Obj = { id: get('id'), type };
	for (const k of ['idnumber', 'tags']) body[k] = existing[k];
	for (const k of NUMBERS[type]) body[k] = number(k);
	body.prompt = texts('prompt');
	if (type === 'truefalse') {
		body.answer = get('answer') === 'true' ? true : get('answer') === 'false' ? false : undefined;
	}
	if (type === 'short') {
		const lines = Object.fromEntries(
			locales.flatMap((l) => {
				const all = get(`accept.${l}`)
					.split('\n')
					.map((s) => s.trim())
					.filter(Boolean);
				return all.length ? [[l, all]] : [];
			})
		);
		body.accept = Object.keys(lines).length ? lines : undefined;
	}
	const rows = ROWS[type];
	const read = rows ? readRows(type, rows, values, { texts, get, number, existing }) : [];
	// Options, pairs and items come before the texts; a rubric after them, as the files have it.
	if (rows && !rows.optional) body[rows.key] = read;
	for (const k of TEXTS[type]) body[k] = texts(k);
	if (rows?.optional) body[rows.key] = read.length > 0 ? read : undefined;
	return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

type Readers = {
	texts: (prefix: string) => Obj | undefined;
	get: (k: string) => string;
	number: (k: string) => number | string | undefined;
	existing: QuestionBody;
};

function readRows(
	type: QuestionType,
	rows: NonNullable<(typeof ROWS)[QuestionType]>,
	values: FormValues,
	{ texts, get, number, existing }: Readers
): Obj[] {
	const before = new Map(list(existing[rows.key]).map((item) => [str(item.id), item]));
	const out: Obj[] = [];
	const taken = new Set<string>();
	for (let i = 0; i < rowCount(type, values); i++) {
		const p = `${rows.key}.${i}`;
		const filled = rows.texts.map((t) => texts(`${p}.${t}`));
		const numbers = rows.numbers.map((n) => number(`${p}.${n}`));
		if (filled.every((f) => f === undefined) && numbers.every((n) => n === undefined)) continue;
		const id = get(`${p}.id`) || freshId(rows.key, taken, values);
		taken.add(id);
		const item: Obj = { ...before.get(id), id };
		rows.texts.forEach((t, j) => (item[t] = filled[j]));
		if (type === 'single') {
			delete item.correct;
			if (get('correct') === String(i)) item.correct = true;
		}
		rows.numbers.forEach((n, j) => (item[n] = numbers[j]));
		out.push(Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)));
	}
	return out;
}

/** `a`, `b`, … for options, `p1`, … for pairs, `i1`, … for items, `r1`, … for a rubric. */
function freshId(key: string, taken: Set<string>, values: FormValues): string {
	const used = new Set([
		...taken,
		...Object.entries(values).flatMap(([k, v]) => (k.endsWith('.id') ? [v] : []))
	]);
	for (let n = 0; ; n++) {
		const id =
			key === 'options'
				? `${String.fromCharCode(97 + (n % 26))}${n >= 26 ? String(n) : ''}`
				: `${key[0]}${n + 1}`;
		if (!used.has(id)) return id;
	}
}

/**
 * A translator's save: `existing` with only the texts in `languages` taken from `submitted`
 * (rows matched by position, as the form showed them); everything else stays as it was.
 */
export function mergeLanguages(
	existing: unknown,
	submitted: unknown,
	languages: readonly Locale[]
): unknown {
	if (Array.isArray(existing))
		return existing.map((item, i) =>
			mergeLanguages(item, Array.isArray(submitted) ? submitted[i] : undefined, languages)
		);
	if (existing === null || typeof existing !== 'object') return existing;
	const mine = obj(existing);
	const theirs = obj(submitted);
	const localised = Object.keys(mine).length > 0 && Object.keys(mine).every(isLocale);
	if (localised) {
		const keep = Object.entries(mine).filter(([l]) => !languages.includes(l as Locale));
		const put = languages.flatMap((l) => (theirs[l] === undefined ? [] : [[l, theirs[l]]]));
		return Object.fromEntries([...keep, ...put]);
	}
	return Object.fromEntries(
		Object.entries(mine).map(([k, v]) => [k, mergeLanguages(v, theirs[k], languages)])
	);
}
