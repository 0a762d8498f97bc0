import fs from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { Report, START, type Position } from './problems.ts';
import { type Locale } from '../../text/localised.ts';

/** A parsed YAML file that can turn any node back into `line:column` for a problem. */
export class YamlSource {
	readonly lc = new LineCounter();

	constructor(
		readonly file: string,
		readonly report: Report,
		/** The course's locales: every localised value must have them all. */
		public locales: readonly Locale[],
		/** Lines before the YAML starts in the file (front matter sits after a `---`). */
		readonly lineOffset = 0
	) {}

	pos(node: Node | null | undefined): Position {
		const offset = node?.range?.[0];
		if (offset === undefined) return { line: START.line + this.lineOffset, column: 1 };
		const { line, col } = this.lc.linePos(offset);
		return { line: line + this.lineOffset, column: col };
	}

	error(node: Node | null | undefined, message: string): void {
		this.report.error(this.file, this.pos(node), message);
	}

	warn(node: Node | null | undefined, message: string): void {
		this.report.warn(this.file, this.pos(node), message);
	}

	/** Parses `text`; syntax errors are reported and give `null`, as does a root that is not a map. */
	parseMap(text: string): YAMLMap | null {
		const doc = parseDocument(text, { lineCounter: this.lc, prettyErrors: false });
		for (const e of doc.errors) {
			const at = e.linePos?.[0];
			const pos = at ? { line: at.line + this.lineOffset, column: at.col } : START;
			this.report.error(this.file, pos, `YAML syntax: ${e.message.split('\n')[0]}`);
		}
		if (doc.errors.length > 0) return null;
		if (!isMap(doc.contents)) {
			this.error(doc.contents, 'expected a map of keys (key: value) at the top of the file');
			return null;
		}
		return doc.contents;
	}
}

/** Reads a YAML file from disk; `null` when it does not exist (the caller knows if that is wrong). */
export function readYamlFile(
	file: string,
	report: Report,
	locales: readonly Locale[]
): { source: YamlSource; root: YAMLMap | null } | null {
	const source = new YamlSource(file, report, locales);
	if (!fs.existsSync(file)) return null;
	return { source, root: source.parseMap(fs.readFileSync(file, 'utf8')) };
}

export const kindOf = (node: unknown): string =>
	isMap(node) ? 'a map' : isSeq(node) ? 'a list' : isScalar(node) ? describe(node.value) : 'empty';

function describe(value: unknown): string {
	if (value === null) return 'empty';
	if (typeof value === 'string') return 'text';
	return typeof value === 'number'
		? 'a number'
		: typeof value === 'boolean'
			? 'true/false'
			: 'a value';
}

/** A value as a problem message quotes it. */
export function describeValue(value: unknown, node: Node): string {
	if (isScalar(node) && (typeof value === 'number' || typeof value === 'boolean'))
		return String(value);
	if (isScalar(node) && typeof value === 'string') return `"${value}"`;
	return kindOf(node);
}
