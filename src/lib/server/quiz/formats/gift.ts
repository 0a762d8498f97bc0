// Moodle's GIFT format (docs.moodle.org "GIFT format"), read into ParsedQuestion. The type is
// decided as Moodle decides it: no braces = description, `{}` = essay, `{#` = numeric, a '~'
// = multiple choice, '=' with '->' = matching, T/TRUE/F/FALSE = true/false, else short answer.
// One bad question does not stop the file: every problem is reported, each with its line.
import {
	fail,
	readChoice,
	readMatching,
	readShort,
	readTrueFalse,
	type Context
} from './gift-answers.ts';
import { readLabels } from './gift-labels.ts';
import { readNumeric } from './gift-numeric.ts';
import { decode, lineAt, readFormat, splitBlocks, type Block } from './gift-text.ts';
import type { ParsedBody, ParsedQuestion, ParseError, ParseResult } from './parsed.ts';

const CATEGORY = '$CATEGORY:';
const TRUE_FALSE = ['T', 'TRUE', 'F', 'FALSE'];

/** Parses a whole GIFT file; `questions` holds the good ones even when `errors` is not empty. */
export function parseGift(source: string): ParseResult {
	const questions: ParsedQuestion[] = [];
	const errors: ParseError[] = [];
	let category: string | null = null;
	for (const whole of splitBlocks(source)) {
		let block = whole;
		if (block.text.trimStart().startsWith(CATEGORY)) {
			const end = block.text.indexOf('\n');
			category = decode(block.text.slice(block.text.indexOf(CATEGORY) + CATEGORY.length, end));
			category = category.trim();
			// A question written right under its category line, without a blank line between.
			block = { ...block, text: block.text.slice(end + 1), lines: block.lines.slice(end + 1) };
			if (block.text.trim() === '') continue;
		}
		const question = parseQuestion(block, category, errors);
		if (question) questions.push({ ...question, ...readLabels(block.comments, errors) });
	}
	return { questions, errors };
}

function parseQuestion(
	block: Block,
	category: string | null,
	errors: ParseError[]
): ParsedQuestion | null {
	const text = block.text;
	let pos = text.length - text.trimStart().length;
	const ctx: Context = { block, start: lineAt(block, pos), errors };
	const stop = (at: number, message: string): null => {
		fail(ctx, at, message);
		return null;
	};
	let name: string | null = null;
	if (text.startsWith('::', pos)) {
		const end = text.indexOf('::', pos + 2);
		if (end === -1) return stop(pos, "unclosed question name: missing '::'");
		name = decode(text.slice(pos + 2, end)).trim();
		pos = end + 2;
	}
	const open = text.indexOf('{', pos);
	const close = text.indexOf('}', pos);
	if (open === -1 && close === -1) {
		const prompt = readFormat(text.slice(pos));
		if (prompt.text === '') return stop(pos, 'question has no text');
		const format = prompt.format ?? 'moodle';
		return {
			type: 'description',
			name,
			prompt: prompt.text,
			format,
			generalFeedback: '',
			category,
			line: ctx.start
		};
	}
	if (close !== -1 && (open === -1 || close < open))
		return stop(close, "'}' without an opening '{'");
	if (close === -1) return stop(open, "unclosed answer block: missing '}'");
	const again = text.slice(close + 1).search(/[{}]/);
	if (again !== -1)
		return stop(close + 1 + again, 'only one answer block per question: is a blank line missing?');

	const after = text.slice(close + 1);
	const prompt = readFormat(
		after.trim() === '' ? text.slice(pos, open) : `${text.slice(pos, open)}_____${after}`
	);
	let inner = text.slice(open + 1, close);
	const gf = inner.lastIndexOf('####');
	const generalFeedback = gf === -1 ? '' : readFormat(inner.slice(gf + 4)).text;
	if (gf !== -1) inner = inner.slice(0, gf);
	const lead = inner.length - inner.trimStart().length;
	const body = readBody(ctx, inner.trim(), open + 1 + lead);
	if (!body) return null;
	const format = prompt.format ?? 'moodle';
	// Keys in the order a reader of the JSON expects: what it is, what it asks, what it accepts.
	const head = { type: body.type, name, prompt: prompt.text, format };
	return Object.assign(head, body, { generalFeedback, category, line: ctx.start });
}

function readBody(ctx: Context, answers: string, at: number): ParsedBody | null {
	if (answers === '') return { type: 'essay' };
	if (answers.startsWith('#')) return readNumeric(ctx, answers.slice(1), at + 1);
	if (answers.includes('~')) return readChoice(ctx, answers, at);
	if (answers.includes('=') && answers.includes('->')) return readMatching(ctx, answers, at);
	const hash = answers.indexOf('#');
	const head = (hash === -1 ? answers : answers.slice(0, hash)).trim();
	if (TRUE_FALSE.includes(head)) return readTrueFalse(answers);
	return readShort(ctx, answers, at);
}
