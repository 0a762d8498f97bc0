// The quiz file's own keys (title, pass mark, attempts, …; courses/README.md, quiz-file.ts) as
// the studio's settings form holds them, and back into the file's text. Only the lines of the
// keys that change are written: a value in place, a new key on a line of its own (before
// `questions`), an emptied one removed with its line. Values are kept as typed: a pass mark
// that is not a number goes in as text, and the checker says so.
import { isMap, isScalar, parse, parseDocument, type YAMLMap } from 'yaml';
import type { Db } from '../../db/index.ts';
import { DomainError } from '../../errors.ts';
import type { Locale } from '../../text/localised.ts';
import { setYamlValue } from '../yaml-edit.ts';
import type { FormValues } from './question-form.ts';
import { writeQuiz, type QuizWrite } from './quiz-write.ts';

/** Number keys; an empty field removes the key (no pass mark, every question drawn, 0). */
export const SETTING_NUMBERS = [
	'passMark',
	'attempts',
	'cooldownMinutes',
	'timeLimitMinutes',
	'draw'
] as const;
/** Yes/no keys (a checkbox each: unchecked is `false`). */
export const SETTING_BOOLEANS = ['shuffleQuestions', 'shuffleOptions'] as const;
/** Keys with a fixed set of values, the first one the default. */
export const SETTING_CHOICES = {
	feedback: ['after-submit', 'immediate'],
	showAnswers: ['after-submit', 'after-pass', 'never']
} as const;

type Obj = Record<string, unknown>;
const str = (v: unknown): string =>
	typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});

/** The settings form's values for the quiz file `text`. */
export function settingsToForm(text: string, locales: readonly Locale[]): FormValues {
	let root: Obj = {};
	try {
		root = obj(parse(text));
	} catch {
		// An unreadable file shows empty settings; the checker names its problem.
	}
	const out: FormValues = {};
	for (const l of locales) out[`title.${l}`] = str(obj(root.title)[l]);
	for (const k of SETTING_NUMBERS) out[k] = str(root[k]);
	for (const k of SETTING_BOOLEANS) out[k] = root[k] === false ? 'false' : 'true';
	for (const [k, all] of Object.entries(SETTING_CHOICES)) out[k] = str(root[k]) || all[0];
	return out;
}

/** `text` with the settings the form describes, for the course `locales`. */
export function putSettings(text: string, values: FormValues, locales: readonly Locale[]): string {
	const get = (k: string) => (values[k] ?? '').trim();
	let out = text;
	// Languages set before those emptied are removed, so the title map is never left empty.
	for (const l of locales)
		if (get(`title.${l}`)) out = setText(out, ['title', l], get(`title.${l}`));
	for (const l of locales) if (!get(`title.${l}`)) out = removeKey(out, ['title', l]);
	for (const k of SETTING_NUMBERS) {
		const v = get(k);
		if (v === '') out = removeKey(out, [k]);
		else
			out = Number.isFinite(Number(v)) ? setRaw(out, [k], String(Number(v))) : setText(out, [k], v);
	}
	// A default the file does not spell out stays unwritten.
	const has = (k: string) => open(out).has(k);
	for (const k of SETTING_BOOLEANS) {
		const v = get(k) === 'true';
		if (!v || has(k)) out = setRaw(out, [k], String(v));
	}
	for (const [k, all] of Object.entries(SETTING_CHOICES)) {
		const v = get(k);
		if (v === '' || (v === all[0] && !has(k))) out = removeKey(out, [k]);
		else out = (all as readonly string[]).includes(v) ? setRaw(out, [k], v) : setText(out, [k], v);
	}
	return out;
}

/**
 * Saves the settings form into the quiz file `path`: refused (nothing written) when the file
 * changed since `expectedHash` or the checker finds an error the edit brings.
 */
export function saveSettings(
	db: Db,
	{
		values,
		locales,
		...target
	}: {
		actorId: string;
		courseId: number;
		path: string;
		expectedHash: string;
		values: FormValues;
		locales: readonly Locale[];
	}
): QuizWrite {
	return writeQuiz(db, {
		...target,
		action: 'quiz.settings',
		edit: (text) => putSettings(text, values, locales)
	});
}

function open(text: string) {
	const doc = parseDocument(text, { keepSourceTokens: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) throw new DomainError('invalid_yaml');
	return doc;
}

/** The block map holding `keys`' last key (null when it is missing or written in flow style). */
function parentMap(doc: ReturnType<typeof open>, keys: string[]): YAMLMap | null {
	const parent: unknown = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
	return isMap(parent) && !parent.flow ? parent : null;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
	const nl = text.indexOf('\n', at);
	return nl < 0 ? text.length : nl + 1;
};

/** A text value: in place keeping the writer's quoting, or as a new double-quoted line. */
function setText(text: string, keys: string[], value: string): string {
	const node = open(text).getIn(keys, true);
	return isScalar(node)
		? setYamlValue(text, keys, value)
		: setRaw(text, keys, JSON.stringify(value));
}

/** The scalar at `keys` written as `raw` YAML, only its own bytes or line changing. */
function setRaw(text: string, keys: string[], raw: string): string {
	const doc = open(text);
	const node = doc.getIn(keys, true);
	if (isScalar(node) && node.range) {
		if (text.slice(node.range[0], node.range[1]) === raw) return text;
		return text.slice(0, node.range[0]) + raw + text.slice(node.range[1]);
	}
	const map = parentMap(doc, keys);
	const key = keys[keys.length - 1] ?? '';
	const first = map?.items[0];
	if (map && node === undefined && first && isScalar(first.key) && first.key.range) {
		const indent = ' '.repeat(first.key.range[0] - lineStart(text, first.key.range[0]));
		// A quiz's own keys go before its questions, which stay last.
		const questions =
			keys.length === 1
				? map.items.find((p) => isScalar(p.key) && p.key.value === 'questions')
				: undefined;
		const last = map.items[map.items.length - 1];
		const at =
			questions && isScalar(questions.key) && questions.key.range
				? lineStart(text, questions.key.range[0])
				: lineEnd(
						text,
						last?.value && isScalar(last.value) && last.value.range
							? last.value.range[1]
							: text.length
					);
		const head = text.slice(0, at);
		return `${head}${head === '' || head.endsWith('\n') ? '' : '\n'}${indent}${key}: ${raw}\n${text.slice(at)}`;
	}
	const value: unknown = parse(raw);
	const up = keys.slice(0, -1);
	// A parent that is not a map (`title:` left empty, or one text) becomes one.
	if (up.length > 0 && !isMap(doc.getIn(up, true))) doc.setIn(up, doc.createNode({ [key]: value }));
	else doc.setIn(keys, value);
	return doc.toString({ lineWidth: 0 });
}

/** `text` without the scalar at `keys` and its line (unchanged when it is not there). */
function removeKey(text: string, keys: string[]): string {
	const doc = open(text);
	const map = parentMap(doc, keys);
	const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1]);
	if (!pair) {
		if (!doc.hasIn(keys)) return text;
		doc.deleteIn(keys);
		return doc.toString({ lineWidth: 0 });
	}
	const k = isScalar(pair.key) ? pair.key.range : null;
	const v = isScalar(pair.value) ? pair.value.range : null;
	if (!k || (pair.value !== null && !v)) {
		doc.deleteIn(keys);
		return doc.toString({ lineWidth: 0 });
	}
	return text.slice(0, lineStart(text, k[0])) + text.slice(lineEnd(text, v ? v[1] : k[1]));
}
