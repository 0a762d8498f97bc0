// Parsed GIFT/Aiken questions to course questions (the shape quiz.yaml holds), in one locale.
// What the course format cannot hold is reported, not guessed: partial credit on a short
// or numeric answer, two right answers in a single choice, a matching distractor.
import type { Locale } from '../../text/localised.ts';
import { idnumberProblem, repeatedTag, tagProblem } from '../../courses/format/question-labels.ts';
import type { Question } from '../../courses/types.ts';
import { questionId } from '../ids.ts';
import type { ParsedAnswer, ParsedQuestion, ParseError } from './parsed.ts';
import { toPlainText } from './plain-text.ts';

export type ConvertResult = { questions: Question[]; problems: ParseError[] };

/** Converts in file order; a question that cannot be converted is left out with a problem. */
export function toCourseQuestions(
	parsed: readonly ParsedQuestion[],
	{ locale }: { locale: Locale }
): ConvertResult {
	const taken = new Set<string>();
	const idnumbers = new Map<string, number>();
	const questions: Question[] = [];
	const problems: ParseError[] = [];
	for (const q of parsed) {
		const problem = (message: string) => problems.push({ line: q.line, message });
		const body = convertBody(q, locale, problem);
		if (!body) continue;
		const id = questionId(q.name, q.prompt, taken);
		const points = q.type === 'description' ? 0 : 1;
		const common: Record<string, unknown> = { id, type: q.type, ...labels(q, idnumbers, problem) };
		if (q.type !== 'description') common.points = points;
		common.prompt = { [locale]: toPlainText(q.prompt, q.format) };
		if (q.generalFeedback && q.type !== 'description')
			common.feedback = { [locale]: toPlainText(q.generalFeedback, q.format) };
		questions.push({ id, type: q.type, points, body: { ...common, ...body } });
	}
	return { questions, problems };
}

type Report = (message: string) => void;

/** Idnumber and tags as the course format holds them, checked by its rules. */
function labels(
	{ idnumber, tags = [], line }: ParsedQuestion,
	seen: Map<string, number>,
	problem: Report
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	if (idnumber !== undefined) {
		const first = seen.get(idnumber);
		const bad =
			idnumberProblem(idnumber) ??
			(first === undefined ? null : `duplicate idnumber "${idnumber}" (first at line ${first})`);
		if (bad) problem(bad);
		else seen.set(idnumber, line);
		out.idnumber = idnumber;
	}
	for (const tag of tags) {
		const bad = tagProblem(tag);
		if (bad) problem(bad);
	}
	const twice = repeatedTag(tags);
	if (twice !== null) problem(`tag "${twice}" is listed twice`);
	if (tags.length) out.tags = tags;
	return out;
}

function convertBody(
	q: ParsedQuestion,
	locale: Locale,
	problem: Report
): Record<string, unknown> | null {
	// Answers and feedback share the prompt's format, as in Moodle.
	const local = (text: string) => ({ [locale]: toPlainText(text, q.format) });
	const optional = (key: string, text: string) => (text ? { [key]: local(text) } : {});
	const letters = (i: number) => `${String.fromCharCode(97 + (i % 26))}${i >= 26 ? i : ''}`;
	switch (q.type) {
		case 'single': {
			const right = q.options.filter((o) => o.fraction === 1).length;
			if (right !== 1) {
				problem(`a single choice needs exactly one answer worth 100%, this one has ${right}`);
				return null;
			}
			if (q.options.some((o) => o.fraction !== 1 && o.fraction !== 0))
				problem('partial credit on wrong answers is not kept: a single choice is all or nothing');
			const options = q.options.map((o, i) => ({
				id: letters(i),
				text: local(o.text),
				...(o.fraction === 1 ? { correct: true } : {}),
				...optional('feedback', o.feedback)
			}));
			return { options };
		}
		case 'multiple': {
			const options = q.options.map((o, i) => ({
				id: letters(i),
				text: local(o.text),
				fraction: o.fraction,
				...optional('feedback', o.feedback)
			}));
			return { options };
		}
		case 'truefalse':
			return {
				answer: q.answer,
				...optional('feedbackTrue', q.feedbackTrue),
				...optional('feedbackFalse', q.feedbackFalse)
			};
		case 'short': {
			const accepted = fullCredit(q.answers, problem);
			return accepted.length ? { accept: { [locale]: accepted.map((a) => a.text) } } : null;
		}
		case 'numeric': {
			const [first, ...rest] = fullCredit(q.answers, problem);
			if (!first) return null;
			if (rest.length) problem(`only the first right answer is kept, ${rest.length} more left out`);
			return first.min !== undefined
				? { min: first.min, max: first.max }
				: { answer: first.answer, tolerance: first.tolerance ?? 0 };
		}
		case 'matching': {
			const pairs = q.pairs.filter((p) => p.prompt !== '');
			if (pairs.length < q.pairs.length)
				problem('matching answers without a question (distractors) are left out');
			if (pairs.length < 3) {
				problem(`matching needs at least 3 pairs, has ${pairs.length}`);
				return null;
			}
			return {
				pairs: pairs.map((p, i) => ({
					id: `p${i + 1}`,
					prompt: local(p.prompt),
					match: local(p.match)
				}))
			};
		}
		case 'essay':
		case 'description':
			return {};
	}
}

/** Answers worth 100%; partial ones cannot be expressed in an all-or-nothing question. */
function fullCredit<T extends Pick<ParsedAnswer, 'fraction'>>(answers: T[], problem: Report): T[] {
	const full = answers.filter((a) => a.fraction === 1);
	if (full.length < answers.length)
		problem(`${answers.length - full.length} answer(s) with partial credit are left out`);
	if (full.length === 0) problem('no answer is worth 100%');
	return full;
}
