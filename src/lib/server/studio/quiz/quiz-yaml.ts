// Edits of a quiz file's `questions` list, as text in and text out: one home for adding,
// replacing, removing and moving questions, used by the studio and `questions:import`. The
// yaml Document keeps the other questions' comments, quoting and key order.
import { isMap, parseDocument, YAMLSeq, type Document } from 'yaml';
import { DomainError } from '../../errors.ts';

export type QuestionBody = Record<string, unknown>;

function open(text: string): { doc: Document; seq: YAMLSeq } {
	const doc = parseDocument(text);
	if (doc.errors.length > 0 || !isMap(doc.contents)) throw new DomainError('invalid_yaml');
	let list = doc.get('questions');
	if (!(list instanceof YAMLSeq)) {
		list = new YAMLSeq();
		doc.set('questions', list);
	}
	const seq = list as YAMLSeq;
	seq.flow = false;
	return { doc, seq };
}

const keyOf = (q: unknown, key: string): string => {
	const value: unknown = isMap(q) ? q.get(key) : undefined;
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** The questions as plain data, in file order (an unreadable file has none). */
export function readQuestions(text: string): QuestionBody[] {
	try {
		const root: unknown = parseDocument(text).toJS();
		const list =
			root !== null && typeof root === 'object' ? (root as QuestionBody).questions : null;
		return Array.isArray(list)
			? list.map((q) => (q !== null && typeof q === 'object' ? (q as QuestionBody) : {}))
			: [];
	} catch {
		return [];
	}
}

/** A new quiz file titled like its module, the defaults of courses/README.md spelled out. */
export function newQuizText(title: unknown): string {
	const doc = parseDocument('');
	doc.contents = doc.createNode({
		title: title ?? {},
		attempts: 0,
		cooldownMinutes: 0,
		timeLimitMinutes: 0,
		shuffleQuestions: true,
		shuffleOptions: true,
		feedback: 'after-submit',
		showAnswers: 'after-submit',
		mastery: null,
		questions: []
	}) as typeof doc.contents;
	return doc.toString();
}

/**
 * Appends questions, renaming an id the quiz already has (`-2`, `-3`, …, so a second import of
 * one file adds copies, not clashes). Returns the text and the ids as written.
 */
export function appendQuestions(
	text: string,
	questions: readonly QuestionBody[]
): { text: string; ids: string[] } {
	const { doc, seq } = open(text);
	const taken = new Set(seq.items.map((q) => keyOf(q, 'id')));
	const ids: string[] = [];
	for (const q of questions) {
		const base = typeof q.id === 'string' ? q.id : 'q';
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		taken.add(id);
		ids.push(id);
		seq.add(doc.createNode({ ...q, id }));
	}
	return { text: doc.toString(), ids };
}

/** The idnumbers the quiz already uses. */
export function idnumbersOf(text: string): Set<string> {
	const { seq } = open(text);
	return new Set(seq.items.map((q) => keyOf(q, 'idnumber')).filter(Boolean));
}

/** Index of the question with `id`; a DomainError `not_found` when there is none. */
export function questionIndex(text: string, id: string): number {
	const at = open(text).seq.items.findIndex((q) => keyOf(q, 'id') === id);
	if (at < 0) throw new DomainError('not_found');
	return at;
}

/** Replaces question `index` (or appends when `index` is null) with `body`. */
export function putQuestion(text: string, index: number | null, body: QuestionBody): string {
	const { doc, seq } = open(text);
	if (index === null) seq.add(doc.createNode(body));
	else if (index < seq.items.length) seq.items[index] = doc.createNode(body);
	else throw new DomainError('not_found');
	return doc.toString();
}

/** Removes the question with `id`. */
export function removeQuestion(text: string, id: string): string {
	const at = questionIndex(text, id);
	const { doc, seq } = open(text);
	seq.items.splice(at, 1);
	return doc.toString();
}

/** Moves the question with `id` one place up or down (nothing at either end). */
export function moveQuestion(text: string, id: string, direction: 'up' | 'down'): string {
	const at = questionIndex(text, id);
	const { doc, seq } = open(text);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (to < 0 || to >= seq.items.length) return text;
	const [item] = seq.items.splice(at, 1);
	seq.items.splice(to, 0, item);
	return doc.toString();
}
