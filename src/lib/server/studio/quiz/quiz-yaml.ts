// Edits of a quiz file's `questions` list, as text in and text out: one home for adding,
// replacing, removing and moving questions, used by the studio and `questions:import`. The
// yaml Document keeps the other questions' comments, quoting and key order.
import { Document, isMap, parseDocument, YAMLSeq } from 'yaml';
import { DomainError } from '../../errors.ts';

export type QuestionBody = Record<string, unknown>;

// Long texts stay on one line, as the course files write them (yaml folds at 80 by default).
const PRINT = { lineWidth: 0 } as const;

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
	return doc.toString(PRINT);
}

/**
 * Appends questions, renaming an id the quiz already has (`-2`, `-3`, …, so a second import of
 * one file adds copies, not clashes). Returns the text and the ids as written.
 */
export function appendQuestions(
	text: string,
	questions: readonly QuestionBody[]
): { text: string; ids: string[] } {
	const taken = new Set(open(text).seq.items.map((q) => keyOf(q, 'id')));
	const ids: string[] = [];
	let out = text;
	for (const q of questions) {
		const base = typeof q.id === 'string' ? q.id : 'q';
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${String(n)}`;
		taken.add(id);
		ids.push(id);
		out = putQuestion(out, null, { ...q, id });
	}
	return { text: out, ids };
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

/**
 * Where each question sits in the text: from the start of its `- ` line to the end of its last
 * line. Null for a list that is not a block list (a new quiz's `questions: []`).
 */
function segments(text: string): Segment[] | null {
	const { seq } = open(text);
	if (!seq.range || seq.items.length === 0) return null;
	const out = [];
	for (const item of seq.items) {
		const range = isMap(item) ? item.range : null;
		if (!range) return null;
		const start = text.lastIndexOf('\n', range[0] - 1) + 1;
		const dash = /^( *)- +$/.exec(text.slice(start, range[0]));
		if (!dash) return null;
		out.push({ start, end: range[2], indent: dash[1] ?? '' });
	}
	return out;
}

type Segment = { start: number; end: number; indent: string };
function nth(parts: Segment[], i: number): Segment {
	const part = parts[i];
	if (!part) throw new DomainError('not_found');
	return part;
}

/** `body` as one item of a block list indented by `indent`, ending with a newline. */
function render(body: QuestionBody, indent: string): string {
	const doc = new Document([body]);
	return doc.toString({ ...PRINT, flowCollectionPadding: false }).replace(/^(?=.)/gm, indent);
}

/**
 * Replaces question `index` (or appends when `index` is null) with `body`. Only that question's
 * lines are written; every other byte of the file stays as it was.
 */
export function putQuestion(text: string, index: number | null, body: QuestionBody): string {
	const parts = segments(text);
	if (!parts) {
		if (index !== null) throw new DomainError('not_found');
		const { doc, seq } = open(text);
		seq.add(doc.createNode(body));
		return doc.toString(PRINT);
	}
	if (index === null) {
		const last = nth(parts, parts.length - 1);
		const prev = parts[parts.length - 2];
		const gap = prev ? text.slice(prev.end, last.start) : '';
		const head = text.slice(0, last.end) + (text.slice(0, last.end).endsWith('\n') ? '' : '\n');
		return head + gap + render(body, last.indent) + text.slice(last.end);
	}
	const part = nth(parts, index);
	const tail = text.slice(part.start, part.end).endsWith('\n') ? '' : '\n';
	const next = render(body, part.indent);
	return text.slice(0, part.start) + (tail ? next.slice(0, -1) : next) + text.slice(part.end);
}

/** Removes the question with `id`, with the blank lines that separated it from the next. */
export function removeQuestion(text: string, id: string): string {
	const at = questionIndex(text, id);
	const parts = segments(text);
	if (!parts) {
		const { doc, seq } = open(text);
		seq.items.splice(at, 1);
		return doc.toString(PRINT);
	}
	const part = nth(parts, at);
	const next = parts[at + 1];
	const prev = parts[at - 1];
	if (next) return text.slice(0, part.start) + text.slice(next.start);
	return text.slice(0, prev ? prev.end : part.start) + text.slice(part.end);
}

/** Moves the question with `id` one place up or down (nothing at either end). */
export function moveQuestion(text: string, id: string, direction: 'up' | 'down'): string {
	const at = questionIndex(text, id);
	const parts = segments(text);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (!parts || to < 0 || to >= parts.length) return text;
	const [a, b] = [nth(parts, Math.min(at, to)), nth(parts, Math.max(at, to))];
	const line = (p: typeof a) => {
		const t = text.slice(p.start, p.end);
		return t.endsWith('\n') ? t : `${t}\n`;
	};
	const end = text.slice(b.start, b.end).endsWith('\n') ? '' : '\n';
	const moved = line(b) + text.slice(a.end, b.start) + line(a);
	return text.slice(0, a.start) + (end ? moved.slice(0, -1) : moved) + text.slice(b.end);
}
