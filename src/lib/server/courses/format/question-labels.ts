// A question's `idnumber` and `tags`: Moodle's labels for finding questions in a bank, kept
// through GIFT import and export. The rules are Moodle's, so what passes here goes back into
// Moodle unchanged: an idnumber is at most 100 characters (its column), a tag at most 50
// (TAG_MAX_LENGTH) without the characters PARAM_TAG removes. One home for both readers:
// the course checker and the GIFT converter.
import path from 'node:path';
import { isScalar, type Node } from 'yaml';
import type { YamlObject } from './yaml-object.ts';

export const IDNUMBER_MAX = 100;
export const TAG_MAX = 50;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `value` cannot be an idnumber, or null when it can. */
export function idnumberProblem(value: string): string | null {
	if (value.trim() === '') return 'an idnumber cannot be empty';
	if (value !== value.trim()) return `idnumber "${value}" starts or ends with a space`;
	if (CONTROL.test(value)) return `idnumber "${value}" holds a control character`;
	if (Array.from(value).length > IDNUMBER_MAX)
		return `idnumber "${value}" is longer than ${IDNUMBER_MAX} characters`;
	return null;
}

/** Why `tag` cannot be a tag, or null when it can. */
export function tagProblem(tag: string): string | null {
	if (tag.trim() === '') return 'a tag cannot be empty';
	if (tag !== tag.trim() || /\s{2}/.test(tag))
		return `tag "${tag}" has a space at an end or two in a row`;
	if (CONTROL.test(tag) || /[<>`]/.test(tag))
		return `tag "${tag}" holds a character Moodle refuses in tags (< > \` or a control character)`;
	// Moodle's tag fields read a comma as the end of one tag and the start of the next.
	if (tag.includes(',')) return `tag "${tag}" holds a comma: write two tags instead`;
	if (Array.from(tag).length > TAG_MAX) return `tag "${tag}" is longer than ${TAG_MAX} characters`;
	return null;
}

/** Tags compare as Moodle compares them: without regard to case. */
export function sameTag(a: string, b: string): boolean {
	return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** The first tag in `tags` that repeats an earlier one, or null. */
export function repeatedTag(tags: readonly string[]): string | null {
	return tags.find((t, i) => tags.slice(0, i).some((u) => sameTag(t, u))) ?? null;
}

/**
 * The idnumbers seen so far in one course, across its quiz files, so a second use is reported
 * where it is, naming the first (Moodle keeps idnumbers unique within a question category).
 */
export class IdnumberRegistry {
	private readonly seen = new Map<string, { file: string; line: number }>();

	constructor(private readonly courseDir: string) {}

	/** Records `idnumber` read at `node`; reports it when the course already has it. */
	claim(q: YamlObject, idnumber: string, node: Node | undefined): void {
		const here = { file: q.src.file, line: q.src.pos(node).line };
		const first = this.seen.get(idnumber);
		if (!first) {
			this.seen.set(idnumber, here);
			return;
		}
		const where =
			first.file === here.file ? '' : ` in ${path.relative(this.courseDir, first.file)}`;
		q.src.error(node, `duplicate idnumber "${idnumber}" (first${where} at line ${first.line})`);
	}
}

/** Checks the optional `idnumber` and `tags` of one question map. */
export function readLabels(q: YamlObject, registry: IdnumberRegistry | null): void {
	const idnumber = q.string('idnumber', { required: false });
	if (idnumber !== undefined) {
		const problem = idnumberProblem(idnumber);
		if (problem) q.src.error(q.node('idnumber'), problem);
		else registry?.claim(q, idnumber, q.node('idnumber'));
	}
	const nodes = q.list('tags', { required: false });
	if (!nodes) return;
	const tags: string[] = [];
	for (const node of nodes) {
		const value = isScalar(node) ? node.value : undefined;
		if (typeof value !== 'string') {
			q.src.error(node, 'each tag must be text (quote a tag that looks like a number)');
			continue;
		}
		const problem = tagProblem(value);
		if (problem) q.src.error(node, problem);
		else if (tags.some((t) => sameTag(t, value)))
			q.src.error(node, `tag "${value}" is listed twice`);
		tags.push(value);
	}
}
