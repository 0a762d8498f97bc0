// Moodle's Aiken format: a question line, options `A) text` or `A. text` with letters in
// order, then `ANSWER: X`; a blank line between questions. Only single-answer multiple choice.
import type { ParsedQuestion, ParseError, ParseResult } from './parsed.ts';

const OPTION = /^([A-Z])[.)][ \t]+(.*)$/;
const ANSWER = /^ANSWER:\s*(.*)$/;

type Draft = { line: number; prompt: string; options: string[]; bad: boolean };

/** Parses a whole Aiken file; every problem is reported with its line, good questions kept. */
export function parseAiken(source: string): ParseResult {
	const questions: ParsedQuestion[] = [];
	const errors: ParseError[] = [];
	let draft: Draft | null = null;
	const error = (line: number, message: string) => errors.push({ line, message });
	const abandon = () => {
		if (draft) error(draft.line, "question has no 'ANSWER:' line");
		draft = null;
	};
	source
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.forEach((raw, i) => {
			const line = i + 1;
			const text = raw.trim();
			if (text === '') {
				abandon();
				return;
			}
			const option = OPTION.exec(text);
			const answer = ANSWER.exec(text);
			if (!draft) {
				if (option || answer)
					return error(line, `${option ? 'option' : 'ANSWER'} line without a question above it`);
				draft = { line, prompt: text, options: [], bad: false };
				return;
			}
			const current: Draft = draft;
			if (option) {
				const expected = String.fromCharCode(65 + current.options.length);
				if (option[1] !== expected) {
					error(line, `option letter ${option[1]} is out of order: expected ${expected}`);
					current.bad = true;
				}
				current.options.push((option[2] ?? '').trim());
				return;
			}
			if (answer) {
				const question = finish(current, (answer[1] ?? '').trim(), line, error);
				if (question) questions.push(question);
				draft = null;
				return;
			}
			if (current.options.length === 0) {
				// Moodle wants the question on one line; a wrapped question is kept, joined.
				current.prompt += `\n${text}`;
				return;
			}
			abandon();
			draft = { line, prompt: text, options: [], bad: false };
		});
	abandon();
	return { questions, errors };
}

function finish(
	draft: Draft,
	letter: string,
	line: number,
	error: (line: number, message: string) => void
): ParsedQuestion | null {
	const count = draft.options.length;
	const last = String.fromCharCode(64 + Math.max(count, 1));
	if (count < 2) {
		error(draft.line, `too few options: a question needs at least 2, has ${count}`);
		return null;
	}
	if (!/^[A-Z]$/.test(letter)) {
		error(line, `ANSWER must be one capital letter, got "${letter}"`);
		return null;
	}
	const right = letter.charCodeAt(0) - 65;
	if (right >= count) {
		error(line, `ANSWER letter ${letter} is not among the options A-${last}`);
		return null;
	}
	if (draft.bad) return null;
	return {
		type: 'single',
		name: null,
		prompt: draft.prompt,
		format: 'plain',
		options: draft.options.map((text, i) => ({
			text,
			fraction: i === right ? 1 : 0,
			feedback: ''
		})),
		generalFeedback: '',
		category: null,
		line: draft.line
	};
}
