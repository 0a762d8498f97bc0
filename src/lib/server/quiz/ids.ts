// Stable question ids for imported questions: the same file imported twice gives the same
// ids, so a re-import updates questions instead of adding copies.
import { normaliseText } from '../text/normalise.ts';
import { hashString } from './random.ts';

const MAX_LENGTH = 60;

/** `::Budget basics 1::` -> `budget-basics-1`; '' when nothing Latin or numeric is left. */
export function kebabCase(text: string): string {
	return normaliseText(text)
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, MAX_LENGTH)
		.replace(/^-+|-+$/g, '');
}

/**
 * An id from the question's name, else from a hash of its prompt (an Arabic name has no
 * Latin letters to keep); `taken` makes it unique within one import, with `-2`, `-3`, ….
 */
export function questionId(name: string | null, prompt: string, taken: Set<string>): string {
	const fromName = name ? kebabCase(name) : '';
	const base = fromName !== '' ? fromName : `q-${hashString(normaliseText(prompt)).toString(36)}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}
