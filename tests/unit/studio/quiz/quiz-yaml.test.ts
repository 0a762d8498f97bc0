import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	appendQuestions,
	moveQuestion,
	putQuestion,
	readQuestions,
	removeQuestion
} from '../../../../src/lib/server/studio/quiz/quiz-yaml.ts';

const SHIPPED = fs.readFileSync(
	'courses/participatory-governance/01-foundations/quiz.yaml',
	'utf8'
);
const ids = (text: string) => readQuestions(text).map((q) => q.id);

describe('edits of a quiz file', () => {
	it('appends with fresh ids and leaves every byte before as it was written', () => {
		const before = ids(SHIPPED);
		const first = String(before[0]);
		const { text, ids: written } = appendQuestions(SHIPPED, [
			{ id: first, type: 'truefalse', prompt: { ar: 'س' }, answer: true },
			{ id: first, type: 'truefalse', prompt: { ar: 'ص' }, answer: false }
		]);
		expect(written).toEqual([`${first}-2`, `${first}-3`]);
		expect(ids(text)).toEqual([...before, `${first}-2`, `${first}-3`]);
		expect(text.startsWith(SHIPPED)).toBe(true);
	});

	it('replaces, removes and moves one question by its id', () => {
		const [a, b] = ids(SHIPPED).map(String);
		const moved = moveQuestion(SHIPPED, b!, 'up');
		expect(ids(moved).slice(0, 2)).toEqual([b, a]);
		expect(moveQuestion(SHIPPED, a!, 'up')).toBe(SHIPPED);
		expect(ids(removeQuestion(SHIPPED, a!))).not.toContain(a);
		const put = putQuestion(SHIPPED, 0, { id: 'new', type: 'essay', prompt: { fr: 'Écrivez.' } });
		expect((parse(put) as { questions: { id: string }[] }).questions[0]?.id).toBe('new');
		expect(() => removeQuestion(SHIPPED, 'no-such-question')).toThrow('not_found');
	});
});

describe('edits that leave the rest of the file byte for byte', () => {
	const FILE = `title: { fr: Quiz }
questions:
  - id: a   # first
    type: truefalse
    prompt: { fr: "Vrai ?" }
    accept: { ar: ["x", "y"] }
    answer: true


  # before b
  - id: b
    type: essay
    prompt: { fr: "Écrivez, longuement, un texte qui dépasse largement les quatre-vingts caractères de large." }
  - id: c
    type: essay
    prompt: { fr: C }
`;

	it('replaces one question and leaves the others, comments and blank lines as written', () => {
		const out = putQuestion(FILE, 1, { id: 'b', type: 'essay', prompt: { fr: 'Court.' } });
		expect(out).toBe(
			FILE.replace(
				/ {2}- id: b\n.*\n.*\n/,
				'  - id: b\n    type: essay\n    prompt:\n      fr: Court.\n'
			)
		);
	});

	it('appends after the last question, removes and moves without touching the others', () => {
		expect(putQuestion(FILE, null, { id: 'd', type: 'essay', prompt: { fr: 'D' } })).toBe(
			`${FILE}  - id: d\n    type: essay\n    prompt:\n      fr: D\n`
		);
		expect(removeQuestion(FILE, 'b')).toBe(FILE.replace(/ {2}- id: b\n.*\n.*\n/, ''));
		const moved = moveQuestion(FILE, 'c', 'up');
		expect(ids(moved)).toEqual(['a', 'c', 'b']);
		expect(moveQuestion(moved, 'c', 'down')).toBe(FILE);
	});

	it('rewrites only the question replaced in a shipped quiz file, with the same content', () => {
		const first = readQuestions(SHIPPED)[0]!;
		const second = SHIPPED.indexOf('\n  - id:', SHIPPED.indexOf('  - id:') + 1);
		const out = putQuestion(SHIPPED, 0, first);
		expect(out.endsWith(SHIPPED.slice(second))).toBe(true);
		expect(out.startsWith(SHIPPED.slice(0, SHIPPED.indexOf('  - id:')))).toBe(true);
		expect(readQuestions(out)).toEqual(readQuestions(SHIPPED));
	});
});
