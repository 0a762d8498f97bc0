import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Report } from '../../../../src/lib/server/courses/format/problems.ts';
import { readQuizFile } from '../../../../src/lib/server/courses/format/quiz-file.ts';
import type { Question } from '../../../../src/lib/server/courses/types.ts';
import { parseAiken } from '../../../../src/lib/server/quiz/formats/aiken.ts';
import { toCourseQuestions } from '../../../../src/lib/server/quiz/formats/convert.ts';
import { parseGift } from '../../../../src/lib/server/quiz/formats/gift.ts';
import { questionId } from '../../../../src/lib/server/quiz/ids.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/quiz/${name}`, 'utf8');

/** Runs converted questions through the course loader, as a quiz.yaml would be read: its errors. */
function loaderProblems(questions: Question[]): string[] {
	const dir = mkdtempSync(path.join(tmpdir(), 'tamkeen-quiz-'));
	const file = path.join(dir, 'quiz.yaml');
	writeFileSync(
		file,
		stringify({ title: { fr: 'Quiz' }, questions: questions.map((q) => q.body) })
	);
	const report = new Report();
	const quiz = readQuizFile(file, report, { slug: 'm', locales: ['fr'] });
	expect(quiz?.questions).toHaveLength(questions.length);
	// Accepted means no error; advice (a short answer without `display`) is for authors.
	return report.problems
		.filter((p) => p.severity === 'error')
		.map((p) => `${p.line}: ${p.message}`);
}

describe('toCourseQuestions', () => {
	it('turns every GIFT construct into questions the course loader accepts', () => {
		const parsed = parseGift(fixture('every-construct.gift')).questions;
		const { questions, problems } = toCourseQuestions(parsed, { locale: 'fr' });
		expect(problems).toEqual([
			{ line: 41, message: '1 answer(s) with partial credit are left out' }
		]);
		expect(questions).toHaveLength(parsed.length);
		expect(loaderProblems(questions)).toEqual([]);
	});

	it('imports a Moodle bank as plain text, in the locale given', () => {
		const parsed = parseGift(fixture('moodle-bank.gift')).questions;
		const { questions } = toCourseQuestions(parsed, { locale: 'fr' });
		expect(loaderProblems(questions)).toEqual([]);
		expect(questions[0]?.body).toMatchObject({
			id: 'budget-adopt',
			type: 'single',
			prompt: { fr: 'Qui adopte le budget de la commune ?' },
			options: [
				{ id: 'a', text: { fr: 'Le conseil municipal' }, correct: true },
				{ id: 'b', text: { fr: 'Le gouverneur' }, feedback: { fr: 'Non, il exerce la tutelle.' } },
				{ id: 'c', text: { fr: 'Le ministère des finances' } }
			],
			feedback: { fr: "Voir l'article 16: le conseil vote le budget." }
		});
		expect(questions[3]?.body).toMatchObject({ accept: { fr: ['بلدية', 'البلدية'] } });
		expect(questions[2]?.body).toMatchObject({ answer: 2018, tolerance: 0 });
	});

	it('turns Aiken questions into single-choice questions with ids from their prompts', () => {
		const parsed = parseAiken(fixture('valid.aiken.txt')).questions;
		const { questions, problems } = toCourseQuestions(parsed, { locale: 'fr' });
		expect(problems).toEqual([]);
		expect(questions.every((q) => /^q-[a-z0-9]+$/.test(q.id))).toBe(true);
		expect(loaderProblems(questions)).toEqual([]);
		expect(toCourseQuestions(parsed, { locale: 'fr' }).questions.map((q) => q.id)).toEqual(
			questions.map((q) => q.id)
		);
	});

	it('leaves out and reports what the course format cannot hold', () => {
		const parsed = parseGift(
			[
				'::two-right::Q?{=a =b ~c}',
				'::partial-short::Q?{=%50%half}',
				'::distractor::Q?{=a -> 1 =b -> 2 =c -> 3 = -> 4}'
			].join('\n\n')
		).questions;
		const { questions, problems } = toCourseQuestions(parsed, { locale: 'ar' });
		expect(problems).toEqual([
			{ line: 1, message: 'a single choice needs exactly one answer worth 100%, this one has 2' },
			{ line: 3, message: '1 answer(s) with partial credit are left out' },
			{ line: 3, message: 'no answer is worth 100%' },
			{ line: 5, message: 'matching answers without a question (distractors) are left out' }
		]);
		expect(questions.map((q) => q.id)).toEqual(['distractor']);
		expect(questions[0]?.body.pairs).toHaveLength(3);
	});
});

describe('questionId', () => {
	it('makes kebab-case ids from names, unique within one import', () => {
		const taken = new Set<string>();
		expect(questionId('Budget: Vote 1', 'x', taken)).toBe('budget-vote-1');
		expect(questionId('Budget  vote 1!', 'y', taken)).toBe('budget-vote-1-2');
		expect(questionId('Élaboration participative', 'z', taken)).toBe('elaboration-participative');
	});

	it('falls back to a stable hash of the prompt when the name has no Latin letters', () => {
		const a = questionId('الميزانية', 'ما هي الميزانية؟', new Set());
		expect(a).toMatch(/^q-[a-z0-9]+$/);
		expect(questionId(null, 'ما هي الميزانية؟', new Set())).toBe(a);
		expect(questionId(null, 'Autre question', new Set())).not.toBe(a);
	});
});
