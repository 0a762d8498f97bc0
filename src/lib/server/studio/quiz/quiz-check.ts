// The checker's rules on one quiz file of a draft, as text: the same readers as
// `courses:check` (quiz-file.ts, questions.ts), the course's other quiz files claiming their
// idnumbers first. Each problem is placed on the question and the field it is about, named
// as the editor's form names its fields (`options.1.text`), so it can be shown beside it.
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { DbLike } from '../../db/index.ts';
import { Report } from '../../courses/format/problems.ts';
import { IdnumberRegistry } from '../../courses/format/question-labels.ts';
import { readQuizMap } from '../../courses/format/quiz-file.ts';
import { YamlSource } from '../../courses/format/yaml-source.ts';
import type { Locale } from '../../text/localised.ts';
import { draftRows } from '../draft-files.ts';
import { courseLocales } from './quiz-files.ts';

export type QuizProblem = {
	line: number;
	column: number;
	message: string;
	severity: 'error' | 'warning';
	/** The question it is about (index in the file), or null for the quiz's own keys. */
	question: number | null;
	/** The field inside that question, dot-separated (`prompt`, `options.1.text`); '' for all. */
	field: string;
};

const QUIZ_FILE = /^(?:\d{2}-[a-z0-9-]+\/(?:quiz|assignment)\.yaml|final\.yaml)$/;

/** Problems the checker finds in `text` as the quiz file `path` of the course's draft. */
export function checkQuizText(
	db: DbLike,
	{ courseId, path, text }: { courseId: number; path: string; text: string }
): QuizProblem[] {
	const rows = draftRows(db, courseId);
	const files = new Map(rows.map((r) => [r.path, Buffer.from(r.content).toString('utf8')]));
	const locales = courseLocales(files.get('course.yaml') ?? '');
	const registry = new IdnumberRegistry('/');
	// The other quiz files claim their idnumbers first; their own problems are not ours.
	for (const [p, other] of files)
		if (p !== path && QUIZ_FILE.test(p)) read(other, p, locales, registry, new Report());
	const report = new Report();
	read(text, path, locales, registry, report);
	return place(text, report);
}

function read(
	text: string,
	path: string,
	locales: Locale[],
	registry: IdnumberRegistry,
	report: Report
): void {
	const source = new YamlSource(`/${path}`, report, locales);
	const root = source.parseMap(text);
	if (!root) return;
	const slug = path === 'final.yaml' ? 'final' : (path.split('/')[0] ?? '').slice(3);
	readQuizMap(source, root, {
		slug,
		idnumbers: registry,
		assignment: path.endsWith('/assignment.yaml')
	});
}

/** Each problem with the question and field whose node starts where the problem points. */
function place(text: string, report: Report): QuizProblem[] {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc });
	const list = isMap(doc.contents) ? doc.contents.get('questions', true) : undefined;
	const items = isSeq(list) ? (list.items as Node[]) : [];
	const offsetOf = (line: number, column: number) => (lc.lineStarts[line - 1] ?? 0) + column - 1;
	return report.problems.map(({ line, column, message, severity }) => {
		const offset = offsetOf(line, column);
		const question = items.findIndex(
			(n) =>
				n.range !== undefined && n.range !== null && offset >= n.range[0] && offset < n.range[1]
		);
		const at = items[question];
		return {
			line,
			column,
			message,
			severity,
			question: question < 0 ? null : question,
			field: at ? withMissingKey(fieldAt(at, offset), message) : ''
		};
	});
}

/** The dot path of the deepest key whose key or value starts at or holds `offset`. */
function fieldAt(node: Node, offset: number, prefix: string[] = []): string {
	const inside = (n: unknown): n is Node => {
		const range = n !== null && typeof n === 'object' && 'range' in n ? (n as Node).range : null;
		return Array.isArray(range) && offset >= range[0] && offset < range[1];
	};
	// A problem with the map as a whole (a key missing) points at its start, its first key's too.
	if (isMap(node) && node.range?.[0] !== offset)
		for (const pair of node.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (inside(pair.key)) return [...prefix, key].join('.');
			if (inside(pair.value)) return fieldAt(pair.value, offset, [...prefix, key]);
		}
	if (isSeq(node))
		for (const [i, item] of (node.items as Node[]).entries())
			if (inside(item)) return fieldAt(item, offset, [...prefix, String(i)]);
	return prefix.join('.');
}

/** `missing required key "x"` is about x, not about the map that lacks it. */
function withMissingKey(field: string, message: string): string {
	const key = /^missing required key "(?<key>[^"]+)"/.exec(message)?.groups?.key;
	return key ? [field, key].filter(Boolean).join('.') : field;
}
