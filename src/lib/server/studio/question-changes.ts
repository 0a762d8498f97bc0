// Which questions of a quiz file a draft changed, and in which languages: questions are matched
// by their stable id; a language changed when the text under its key (`ar:`, `fr:`, …) differs,
// and a change outside every language key (type, answer key, points) concerns all of them.
import { parse } from 'yaml';
import { LOCALES, type Locale } from '../text/localised.ts';

export type QuestionChange = {
	id: string;
	kind: 'added' | 'removed' | 'changed';
	/** The languages whose text changed. */
	languages: Locale[];
	/** Something outside the languages changed (type, answers, points …). */
	structure: boolean;
};

const isLocaleKey = (k: string): k is Locale => (LOCALES as readonly string[]).includes(k);

/** `value` without any language's text (what every language shares). */
function shared(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shared);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([k]) => !isLocaleKey(k))
			.map(([k, v]) => [k, shared(v)])
	);
}

/** Only language `l`'s text in `value`, where it sits (undefined where it has none). */
function textIn(value: unknown, l: Locale): unknown {
	if (Array.isArray(value)) return value.map((v) => textIn(v, l) ?? null);
	if (value === null || typeof value !== 'object') return undefined;
	const out = Object.entries(value).flatMap(([k, v]): [string, unknown][] => {
		if (isLocaleKey(k)) return k === l ? [[k, v]] : [];
		const inner = textIn(v, l);
		return inner === undefined ? [] : [[k, inner]];
	});
	return out.length === 0 ? undefined : Object.fromEntries(out);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A quiz file's questions by id ({} for a file that is not a readable quiz). */
export function questionsOf(text: string | null): Map<string, unknown> {
	try {
		const doc = parse(text ?? '') as { questions?: unknown } | null;
		const list = Array.isArray(doc?.questions) ? (doc.questions as unknown[]) : [];
		return new Map(
			list.flatMap((q) => {
				const id = (q as { id?: unknown } | null)?.id;
				return typeof id === 'string' || typeof id === 'number' ? [[String(id), q]] : [];
			})
		);
	} catch {
		return new Map();
	}
}

/** The questions that differ between two versions of a quiz file, in the new file's order. */
export function compareQuestions(before: string | null, after: string | null): QuestionChange[] {
	const was = questionsOf(before);
	const now = questionsOf(after);
	const out: QuestionChange[] = [];
	for (const [id, q] of now) {
		const old = was.get(id);
		if (old === undefined) {
			out.push({ id, kind: 'added', languages: languagesIn(q), structure: true });
			continue;
		}
		if (same(old, q)) continue;
		const languages = LOCALES.filter((l) => !same(textIn(old, l), textIn(q, l)));
		const structure = !same(shared(old), shared(q));
		out.push({ id, kind: 'changed', languages, structure });
	}
	for (const [id, q] of was)
		if (!now.has(id)) out.push({ id, kind: 'removed', languages: languagesIn(q), structure: true });
	return out;
}

/** The languages a question has text in. */
function languagesIn(q: unknown): Locale[] {
	return LOCALES.filter((l) => textIn(q, l) !== undefined);
}
