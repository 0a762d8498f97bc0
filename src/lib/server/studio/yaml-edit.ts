// Metadata edits that leave every other byte of a YAML file as it was: the yaml package's
// Document finds the value's exact range, and only that range is replaced; keys not yet present
// are added through the Document (which then re-prints the file once).
import { isScalar, parse, parseDocument, Scalar } from 'yaml';
import { DomainError } from '../errors.ts';

/** `text` with the scalar at `keys` set to `value` (plain when safe, else double-quoted). */
export function setYamlValue(
	text: string,
	keys: (string | number)[],
	value: string | number
): string {
	const doc = parseDocument(text, { keepSourceTokens: true });
	// The caller has read the file already; a file that does not parse is not edited in place.
	if (doc.errors.length > 0) throw new DomainError('invalid_yaml');
	const node = doc.getIn(keys, true);
	if (isScalar(node) && node.range) {
		const [start, end] = node.range;
		return text.slice(0, start) + scalarText(value, node) + text.slice(end);
	}
	doc.setIn(keys, value);
	return doc.toString();
}

// Keep the writer's style: a plain scalar stays plain when the new value reads back the same.
function scalarText(value: string | number, node: Scalar): string {
	if (typeof value === 'number') return String(value);
	const plain = node.type === Scalar.PLAIN || node.type === undefined;
	if (plain && /^[^\s"'#:{}[\],&*!|>%@`-][^"#:{}[\],]*$/u.test(value) && !/\s$/.test(value)) {
		const back = parseDocument(`k: ${value}`).get('k');
		if (back === value) return value;
	}
	return JSON.stringify(value);
}

/** The value at `keys` as plain data (a string, a list of strings…), or undefined. */
export function getYamlValue(text: string, keys: (string | number)[]): unknown {
	let at: unknown;
	try {
		at = parse(text);
	} catch {
		return undefined;
	}
	for (const k of keys) {
		if (at === null || typeof at !== 'object') return undefined;
		at = (at as Record<string | number, unknown>)[k];
	}
	return at;
}
