// The inside of a GIFT answer block, one reader per question type. Each reader reports every
// problem it finds (with the line of the answer when it knows it) and returns null if any.
import { lineAt, readFormat, splitSegments, type Block, type Segment } from './gift-text.ts';
import type { ParseError, ParsedAnswer, ParsedBody } from './parsed.ts';

/** Where the answers are: the block, the line the question starts on, the error list. */
export type Context = { block: Block; start: number; errors: ParseError[] };

export function fail(ctx: Context, at: number | null, message: string): void {
	ctx.errors.push({ line: at === null ? ctx.start : lineAt(ctx.block, at), message });
}

const WEIGHT = /^\s*%(-?\d+(?:\.\d+)?)%/;
const BAD_WEIGHT = /^\s*%([^%\s]*)%/;

/** A leading `%50%`: its fraction (undefined when none) and the text after it. */
function readWeight(ctx: Context, seg: Segment, min: number) {
	const match = WEIGHT.exec(seg.body);
	if (!match) {
		const bad = BAD_WEIGHT.exec(seg.body);
		if (bad) fail(ctx, seg.at, `weight "%${bad[1]}%" is not a number`);
		return bad ? null : { rest: seg.body, fraction: undefined };
	}
	const percent = Number(match[1]);
	if (percent < min || percent > 100) {
		fail(ctx, seg.at, `weight ${percent}% is outside ${min}..100`);
		return null;
	}
	return { rest: seg.body.slice(match[0].length), fraction: percent / 100 };
}

/** `answer#feedback`, each part without its format marker. */
function splitFeedback(body: string): { text: string; feedback: string } {
	const hash = body.indexOf('#');
	const text = hash === -1 ? body : body.slice(0, hash);
	return {
		text: readFormat(text).text,
		feedback: hash === -1 ? '' : readFormat(body.slice(hash + 1)).text
	};
}

/** Answers with an optional `%weight%`; `fraction` gives the credit of an unweighted one. */
function readAnswers(
	ctx: Context,
	segs: Segment[],
	{ min, fraction }: { min: number; fraction: (marker: string) => number }
): ParsedAnswer[] {
	const out: ParsedAnswer[] = [];
	for (const seg of segs) {
		const weight = readWeight(ctx, seg, min);
		if (!weight) continue;
		const { text, feedback } = splitFeedback(weight.rest);
		if (text === '') {
			fail(ctx, seg.at, `empty answer after '${seg.marker || '{'}'`);
			continue;
		}
		out.push({ text, fraction: weight.fraction ?? fraction(seg.marker), feedback });
	}
	return out;
}

/** `{=right ~wrong ~%50%half}`: single when an answer has '=', else multiple (Moodle's rule). */
export function readChoice(ctx: Context, text: string, at: number): ParsedBody | null {
	const before = ctx.errors.length;
	const [lead, ...segs] = splitSegments(text, at, '~=');
	if (lead.body.trim() !== '')
		fail(ctx, lead.at, `answer "${readFormat(lead.body).text}" must start with '=' or '~'`);
	const options = readAnswers(ctx, segs, { min: -100, fraction: (m) => (m === '=' ? 1 : 0) });
	if (segs.length < 2)
		fail(ctx, null, `multiple choice needs at least 2 answers, has ${segs.length}`);
	const single = segs.some((s) => s.marker === '=');
	const positive = options.filter((o) => o.fraction > 0).reduce((sum, o) => sum + o.fraction, 0);
	if (!single && positive === 0 && ctx.errors.length === before)
		fail(ctx, null, "multiple choice has no correct answer (no '=' or positive %weight)");
	else if (!single && Math.abs(positive - 1) > 0.005 && ctx.errors.length === before)
		fail(ctx, null, `the positive weights add up to ${round(positive * 100)}%, not 100%`);
	if (ctx.errors.length > before) return null;
	return { type: single ? 'single' : 'multiple', options };
}

/** `{=a =b =%50%c}` or `{Paris}`: every answer is right unless weighted. */
export function readShort(ctx: Context, text: string, at: number): ParsedBody | null {
	const before = ctx.errors.length;
	const segs = splitSegments(text, at, '=');
	const lead = segs[0];
	const used = lead.body.trim() === '' ? segs.slice(1) : segs;
	const answers = readAnswers(ctx, used, { min: 0, fraction: () => 1 });
	if (used.length === 0) fail(ctx, null, 'short answer has no answers');
	if (ctx.errors.length > before) return null;
	if (!answers.some((a) => a.fraction > 0))
		fail(ctx, null, 'short answer has no answer with credit above 0%');
	return ctx.errors.length > before ? null : { type: 'short', answers };
}

/** `{T}`, `{FALSE#feedback if wrong#feedback if right}` (Moodle's order). */
export function readTrueFalse(text: string): ParsedBody {
	const [value = '', wrong = '', right = ''] = text.split('#');
	const answer = value.trim().startsWith('T');
	const feedbackWrong = readFormat(wrong).text;
	const feedbackRight = readFormat(right).text;
	return answer
		? { type: 'truefalse', answer, feedbackTrue: feedbackRight, feedbackFalse: feedbackWrong }
		: { type: 'truefalse', answer, feedbackTrue: feedbackWrong, feedbackFalse: feedbackRight };
}

/** `{=prompt -> match ...}`: at least three pairs, as Moodle's documentation asks. */
export function readMatching(ctx: Context, text: string, at: number): ParsedBody | null {
	const before = ctx.errors.length;
	const [lead, ...segs] = splitSegments(text, at, '=');
	if (lead.body.trim() !== '')
		fail(ctx, lead.at, `matching pair "${readFormat(lead.body).text}" must start with '='`);
	const pairs: { prompt: string; match: string }[] = [];
	for (const seg of segs) {
		const arrow = seg.body.indexOf('->');
		if (arrow === -1) {
			fail(ctx, seg.at, `matching pair "${readFormat(seg.body).text}" has no '->'`);
			continue;
		}
		const match = readFormat(seg.body.slice(arrow + 2)).text;
		if (match === '') fail(ctx, seg.at, "matching pair has no answer after '->'");
		pairs.push({ prompt: readFormat(seg.body.slice(0, arrow)).text, match });
	}
	if (segs.length < 3) fail(ctx, null, `matching needs at least 3 pairs, has ${segs.length}`);
	return ctx.errors.length > before ? null : { type: 'matching', pairs };
}

function round(n: number): number {
	return Math.round(n * 1000) / 1000;
}
