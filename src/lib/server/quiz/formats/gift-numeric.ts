// GIFT numeric answers: `{#3.14:0.01}`, `{#1..5}`, `{# =2:0 =%50%1:0 ~#feedback if wrong}`.
import { fail, type Context } from './gift-answers.ts';
import { readFormat, splitSegments, type Segment } from './gift-text.ts';
import type { ParsedBody, ParsedNumericAnswer } from './parsed.ts';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const WEIGHT = /^\s*%(-?\d+(?:\.\d+)?)%/;

/** `text` is the block content after '#'; `at` is where it starts in the block. */
export function readNumeric(ctx: Context, text: string, at: number): ParsedBody | null {
	const before = ctx.errors.length;
	const tilde = text.indexOf('~');
	const answersText = tilde === -1 ? text : text.slice(0, tilde);
	const wrong = tilde === -1 ? '' : text.slice(tilde + 1);
	const hash = wrong.indexOf('#');
	const wrongFeedback = hash === -1 ? '' : readFormat(wrong.slice(hash + 1)).text;
	const segs = splitSegments(answersText, at, '=');
	const used = segs[0].body.trim() === '' ? segs.slice(1) : segs;
	const answers = used.flatMap((seg) => readOne(ctx, seg) ?? []);
	if (used.length === 0) fail(ctx, null, 'numeric question has no answers');
	if (ctx.errors.length > before) return null;
	return { type: 'numeric', answers, wrongFeedback };
}

function readOne(ctx: Context, seg: Segment): ParsedNumericAnswer | null {
	let body = seg.body;
	let fraction = 1;
	const weight = WEIGHT.exec(body);
	if (weight) {
		const percent = Number(weight[1]);
		if (percent < 0 || percent > 100) {
			fail(ctx, seg.at, `weight ${percent}% is outside 0..100`);
			return null;
		}
		fraction = percent / 100;
		body = body.slice(weight[0].length);
	} else if (/^\s*%/.test(body)) {
		fail(ctx, seg.at, `malformed weight in "${body.trim()}" (write %50%)`);
		return null;
	}
	const hash = body.indexOf('#');
	const feedback = hash === -1 ? '' : readFormat(body.slice(hash + 1)).text;
	const value = (hash === -1 ? body : body.slice(0, hash)).trim();
	const num = (text: string): number | null => {
		const t = text.trim();
		if (NUMBER.test(t)) return Number(t);
		fail(ctx, seg.at, `numeric answer "${t}" is not a number`);
		return null;
	};
	const range = value.indexOf('..', 1);
	if (range > 0) {
		const min = num(value.slice(0, range));
		const max = num(value.slice(range + 2));
		if (min === null || max === null) return null;
		if (min > max) {
			fail(ctx, seg.at, `range ${min}..${max} has its minimum above its maximum`);
			return null;
		}
		return { min, max, fraction, feedback };
	}
	const colon = value.indexOf(':', 1);
	const answer = num(colon > 0 ? value.slice(0, colon) : value);
	const tolerance = colon > 0 ? num(value.slice(colon + 1)) : 0;
	if (answer === null || tolerance === null) return null;
	if (tolerance < 0) {
		fail(ctx, seg.at, `tolerance ${tolerance} must not be negative`);
		return null;
	}
	return { answer, tolerance, fraction, feedback };
}
