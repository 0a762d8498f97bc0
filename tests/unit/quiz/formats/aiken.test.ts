import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAiken } from '../../../../src/lib/server/quiz/formats/aiken.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/quiz/${name}`, 'utf8');

describe('parseAiken', () => {
	it('reads questions with A) and A. options and marks the ANSWER letter right', () => {
		const { questions, errors } = parseAiken(fixture('valid.aiken.txt'));
		expect(errors).toEqual([]);
		expect(questions.map((q) => [q.type, q.line])).toEqual([
			['single', 1],
			['single', 7],
			['single', 14]
		]);
		expect(questions[0]).toMatchObject({
			prompt: 'Qui adopte le budget de la commune ?',
			options: [
				{ text: 'Le conseil municipal', fraction: 1 },
				{ text: 'Le gouverneur', fraction: 0 },
				{ text: 'Le ministère des finances', fraction: 0 }
			]
		});
		expect(questions[1]).toMatchObject({
			options: [{ text: 'الميزانية', fraction: 1 }, {}, {}, {}]
		});
		expect(questions[2]?.type === 'single' && questions[2].options.map((o) => o.fraction)).toEqual([
			0, 1
		]);
	});

	it('reports each problem with its line and keeps the good questions', () => {
		const { questions, errors } = parseAiken(fixture('broken.aiken.txt'));
		expect(errors).toEqual([
			{ line: 3, message: 'option letter C is out of order: expected B' },
			{ line: 6, message: "question has no 'ANSWER:' line" },
			{ line: 10, message: 'too few options: a question needs at least 2, has 1' },
			{ line: 17, message: 'ANSWER letter D is not among the options A-B' }
		]);
		expect(questions.map((q) => q.prompt)).toEqual(['This one is fine.']);
	});

	it('reports an ANSWER that is not one capital letter and options without a question', () => {
		expect(parseAiken('Q?\nA) x\nB) y\nANSWER: b').errors).toEqual([
			{ line: 4, message: 'ANSWER must be one capital letter, got "b"' }
		]);
		expect(parseAiken('A) x\nB) y').errors[0]).toEqual({
			line: 1,
			message: 'option line without a question above it'
		});
	});

	it('reports a missing ANSWER at the end of the file and when the next question follows', () => {
		expect(parseAiken('Q?\nA) x\nB) y').errors).toEqual([
			{ line: 1, message: "question has no 'ANSWER:' line" }
		]);
		const { errors, questions } = parseAiken('Q?\nA) x\nB) y\nNext?\nA) 1\nB) 2\nANSWER: B');
		expect(errors).toEqual([{ line: 1, message: "question has no 'ANSWER:' line" }]);
		expect(questions.map((q) => q.line)).toEqual([4]);
	});
});
