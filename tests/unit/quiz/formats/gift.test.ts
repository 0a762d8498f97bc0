import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../../../src/lib/server/quiz/formats/gift.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/quiz/${name}`, 'utf8');
const one = (source: string) => {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	expect(questions).toHaveLength(1);
	return questions[0]!;
};

describe('parseGift: every construct', () => {
	const { questions, errors } = parseGift(fixture('every-construct.gift'));
	const byName = Object.fromEntries(questions.map((q) => [q.name ?? '', q] as const));

	it('reads every question with its type and start line, and no error', () => {
		expect(errors).toEqual([]);
		expect(questions.map((q) => [q.name, q.type, q.line])).toEqual([
			['mc-single', 'single', 6],
			['mc-weighted', 'multiple', 13],
			['tf-true', 'truefalse', 19],
			['tf-false-feedback', 'truefalse', 21],
			['tf-long', 'truefalse', 23],
			['tf-short-f', 'truefalse', 25],
			['short', 'short', 27],
			['missing-word', 'short', 29],
			['matching', 'matching', 31],
			['numeric-tolerance', 'numeric', 37],
			['numeric-range', 'numeric', 39],
			['numeric-multiple', 'numeric', 41],
			['essay', 'essay', 47],
			['description', 'description', 49],
			['escapes', 'single', 51],
			['formats', 'single', 53]
		]);
		expect(questions.every((q) => q.category === 'tamkeen/constructs')).toBe(true);
	});

	it('reads right and wrong answers, per-answer feedback and general feedback', () => {
		expect(byName['mc-single']).toMatchObject({
			prompt: 'Which body adopts the municipal budget?',
			options: [
				{ text: 'The municipal council', fraction: 1, feedback: 'Yes: it votes the budget.' },
				{ text: 'The governor', fraction: 0, feedback: 'No, the governor only oversees it.' },
				{ text: 'The ministry of finance', fraction: 0, feedback: '' }
			],
			generalFeedback: 'The council adopts, the central authority oversees.'
		});
	});

	it('reads percentage weights, negative ones included, as a multiple-response question', () => {
		const q = byName['mc-weighted'];
		expect(q?.type === 'multiple' && q.options.map((o) => o.fraction)).toEqual([0.5, 0.5, -1]);
	});

	it("reads true/false with Moodle's feedback order: wrong answer first, then right", () => {
		expect(byName['tf-true']).toMatchObject({ answer: true });
		expect(byName['tf-long']).toMatchObject({ answer: true });
		expect(byName['tf-short-f']).toMatchObject({ answer: false });
		expect(byName['tf-false-feedback']).toMatchObject({
			answer: false,
			feedbackTrue: 'Wrong: rules apply.',
			feedbackFalse: 'Right.',
			generalFeedback: 'See the budget calendar.'
		});
	});

	it('reads short answers and puts a blank where a missing word was', () => {
		expect(byName.short).toMatchObject({
			answers: [
				{ text: 'commune', fraction: 1 },
				{ text: 'municipalité', fraction: 1, feedback: 'Also correct.' }
			]
		});
		expect(byName['missing-word']?.prompt).toBe('The municipal _____ adopts the budget each year.');
	});

	it('reads matching pairs', () => {
		expect(byName.matching).toMatchObject({
			pairs: [
				{ prompt: 'Budget', match: 'Plans revenue and spending' },
				{ prompt: 'Account', match: 'Reports what was spent' },
				{ prompt: 'Audit', match: 'Checks the accounts' }
			]
		});
	});

	it('reads numeric tolerance, ranges, several weighted answers and wrong-answer feedback', () => {
		expect(byName['numeric-tolerance']).toMatchObject({
			answers: [{ answer: 3.14, tolerance: 0.01, fraction: 1 }]
		});
		expect(byName['numeric-range']).toMatchObject({ answers: [{ min: 1, max: 5, fraction: 1 }] });
		expect(byName['numeric-multiple']).toMatchObject({
			answers: [
				{ answer: 2, tolerance: 0, fraction: 1, feedback: 'Exactly.' },
				{ answer: 1, tolerance: 0, fraction: 0.5, feedback: 'Half right.' }
			],
			wrongFeedback: 'Think of 1/2 ÷ 1/4.'
		});
	});

	it('reads an essay from empty braces and a description from text without braces', () => {
		expect(byName.essay).toMatchObject({ generalFeedback: 'Mention who took part.' });
		expect(byName.description).toMatchObject({
			prompt: 'The next questions are about **budgets**.',
			format: 'markdown'
		});
	});

	it('turns escaped characters and \\n back into text', () => {
		expect(byName.escapes).toMatchObject({
			prompt: 'Is 1 = 1 {always}: yes or no\nNext line \\ done?',
			options: [{ text: 'yes ~ always', fraction: 1 }, { text: 'no' }]
		});
	});

	it('notes the format marker of the prompt and strips markers from answers', () => {
		expect(byName.formats).toMatchObject({
			format: 'html',
			prompt: '<p>Which is <b>bold</b>?',
			options: [{ text: 'this one' }, { text: '<i>that one</i>' }]
		});
		expect(byName.short?.format).toBe('moodle');
	});
});

describe('parseGift: a question bank exported from Moodle', () => {
	const { questions, errors } = parseGift(fixture('moodle-bank.gift'));

	it('reads every question, skipping the export comments', () => {
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'numeric',
			'short',
			'truefalse',
			'matching',
			'essay',
			'description'
		]);
	});

	it('gives each question the category it is under', () => {
		expect(questions[0]?.category).toBe('$course$/top/Default for Finances locales/Budget');
		expect(questions[2]?.category).toBe('$course$/top/Default for Finances locales/Budget');
		expect(questions[3]?.category).toBe('$course$/top/Default for Finances locales/Arabic');
	});

	it("reads Moodle's =%100% weights and empty feedback after '#'", () => {
		expect(questions[3]).toMatchObject({
			name: 'baladiya',
			answers: [
				{ text: 'بلدية', fraction: 1, feedback: '' },
				{ text: 'البلدية', fraction: 1, feedback: '' }
			]
		});
		expect(questions[2]).toMatchObject({
			answers: [
				{ answer: 2018, tolerance: 0, fraction: 1 },
				{ answer: 2017, tolerance: 1, fraction: 0.5, feedback: '<p>Presque.</p>' }
			]
		});
	});

	it('keeps an escaped colon in general feedback', () => {
		expect(questions[0]?.generalFeedback).toBe(
			"<p>Voir l'article 16: le conseil vote le budget.</p>"
		);
	});
});

describe('parseGift: errors', () => {
	it('reports every broken question with its line and a precise message, and keeps the rest', () => {
		const { questions, errors } = parseGift(fixture('broken.gift'));
		expect(errors).toEqual([
			{ line: 3, message: "unclosed answer block: missing '}'" },
			{ line: 7, message: "multiple choice has no correct answer (no '=' or positive %weight)" },
			{ line: 11, message: 'weight 150% is outside -100..100' },
			{ line: 14, message: 'numeric answer "three" is not a number' },
			{ line: 16, message: "unclosed question name: missing '::'" },
			{ line: 18, message: 'matching needs at least 3 pairs, has 2' },
			{ line: 22, message: "'}' without an opening '{'" }
		]);
		expect(questions.map((q) => q.name)).toEqual(['fine']);
	});

	it('points at the exact line of a bad answer inside a long block', () => {
		const source = 'Q?{\n=a\n~b\n~%abc%c\n}';
		expect(parseGift(source).errors).toEqual([
			{ line: 4, message: 'weight "%abc%" is not a number' }
		]);
	});

	it('says when two questions run together without a blank line', () => {
		expect(parseGift('One?{T}\nTwo?{F}').errors).toEqual([
			{ line: 2, message: 'only one answer block per question: is a blank line missing?' }
		]);
	});

	it('rejects multiple choice with fewer than two answers and positive weights not adding to 100%', () => {
		expect(parseGift('Q?{~%50%a}').errors.map((e) => e.message)).toEqual([
			'multiple choice needs at least 2 answers, has 1'
		]);
		expect(parseGift('Q?{~%50%a ~%40%b ~c}').errors.map((e) => e.message)).toEqual([
			'the positive weights add up to 90%, not 100%'
		]);
	});

	it('rejects an empty answer, a reversed range and a numeric block without answers', () => {
		expect(parseGift('Q?{=a ~}').errors).toEqual([{ line: 1, message: "empty answer after '~'" }]);
		expect(parseGift('Q?{#5..1}').errors[0]?.message).toBe(
			'range 5..1 has its minimum above its maximum'
		);
		expect(parseGift('Q?{#}').errors[0]?.message).toBe('numeric question has no answers');
	});

	it('rejects a negative weight on a numeric answer and a name without a question', () => {
		expect(parseGift('Q?{#=%-50%2}').errors[0]?.message).toBe('weight -50% is outside 0..100');
		expect(parseGift('\n\n::lonely::').errors).toEqual([
			{ line: 3, message: 'question has no text' }
		]);
	});

	it('rejects a matching pair without an arrow', () => {
		expect(parseGift('Q?{=a -> 1 =b -> 2 =c 3}').errors).toEqual([
			{ line: 1, message: 'matching pair "c 3" has no \'->\'' }
		]);
	});
});

describe('parseGift: details of the format', () => {
	it('treats a single word in braces as a short answer, as Moodle does, and TRUE as true/false', () => {
		expect(one('Capital of Tunisia?{Tunis}')).toMatchObject({
			type: 'short',
			answers: [{ text: 'Tunis' }]
		});
		expect(one('Sky is blue.{TRUE}')).toMatchObject({ type: 'truefalse', answer: true });
	});

	it('takes a category line directly above a question and ignores a byte order mark', () => {
		expect(one('\uFEFF$CATEGORY: a/b\n::n::Q?{T}')).toMatchObject({ category: 'a/b', line: 2 });
	});

	it('leaves an unknown [marker] in the text', () => {
		expect(one('[wiki]Q?{T}')).toMatchObject({ prompt: '[wiki]Q?', format: 'moodle' });
	});

	it('reads Windows line endings and comments between the lines of a question', () => {
		const q = one('::n::Q?{\r\n// a comment\r\n=a\r\n~b\r\n}');
		expect(q).toMatchObject({ type: 'single', options: [{ text: 'a' }, { text: 'b' }] });
	});

	it('gives no name when there is none', () => {
		expect(one('Q?{T}').name).toBeNull();
	});
});
