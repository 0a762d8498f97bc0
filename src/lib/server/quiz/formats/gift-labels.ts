// Moodle keeps a question's idnumber and tags in the `//` comment lines of its block, not in
// the question text: `// [id:BUD-01] [tag:budget] [tag:level 1]`, with a `]` inside written
// `\]` (qformat_gift: extract_idnumber_and_tags_from_comment on import, write_idnumber_and_tags
// on export). A `[tag:x]` in the question text is text, as in Moodle.
import type { QuestionLabels } from '../../courses/types.ts';
import type { Comment } from './gift-text.ts';
import type { ParseError } from './parsed.ts';

const ID = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/gu;
const TAG = /\[tag:((?:\\\]|[^\]<>`\p{Cc}])*)\]/gu;

const unescape = (raw: string) => raw.replaceAll('\\]', ']').trim();

/**
 * The idnumber and tags written in `comments`. Where Moodle silently skips what it cannot read
 * (a second idnumber, a tag with `<`), this reports it, so nothing is lost without a word.
 */
export function readLabels(comments: readonly Comment[], errors: ParseError[]): QuestionLabels {
	const ids: string[] = [];
	const tags: string[] = [];
	for (const { text, line } of comments) {
		const foundIds = [...text.matchAll(ID)].map((m) => unescape(m[1] ?? ''));
		const foundTags = [...text.matchAll(TAG)].map((m) => unescape(m[1] ?? ''));
		if (foundIds.length < text.split('[id:').length - 1)
			errors.push({ line, message: "an '[id:…]' is not closed with ']' or holds a line break" });
		if (foundTags.length < text.split('[tag:').length - 1)
			errors.push({
				line,
				message: "a '[tag:…]' cannot be read: is ']' missing, or does it hold < > or `?"
			});
		for (const id of foundIds) {
			if (ids.length > 0)
				errors.push({ line, message: `a question has one idnumber, "${id}" is a second one` });
			else ids.push(id);
		}
		tags.push(...foundTags.filter((t) => t !== ''));
	}
	return {
		...(ids[0] !== undefined ? { idnumber: ids[0] } : {}),
		...(tags.length ? { tags } : {})
	};
}

/** The comment line Moodle writes before a question, or '' when it has neither. */
export function writeLabels({ idnumber, tags = [] }: QuestionLabels): string {
	const escape = (value: string) => value.replaceAll(']', '\\]');
	const bits = [
		...(idnumber ? [`[id:${escape(idnumber)}]`] : []),
		...tags.map((t) => `[tag:${escape(t)}]`)
	];
	return bits.length ? `// ${bits.join(' ')}` : '';
}
