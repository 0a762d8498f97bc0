import { describe, expect, it } from 'vitest';
import { compareFiles, lineDiff } from '../../../src/lib/server/studio/changes.ts';
import { compareQuestions } from '../../../src/lib/server/studio/question-changes.ts';
import { sha256 } from '../../../src/lib/server/studio/draft-files.ts';

const QUIZ = `title: { ar: اختبار, fr: Quiz }
questions:
  - id: q1
    type: single
    prompt: { ar: ما هي الميزانية؟, fr: Qu'est-ce que le budget ? }
    options:
      - { ar: أ, fr: A, correct: true }
      - { ar: ب, fr: B }
  - id: q2
    type: truefalse
    prompt: { ar: صحيح؟, fr: Vrai ? }
    answer: true
`;

const published = (files: Record<string, string>) =>
	new Map(Object.entries(files).map(([p, t]) => [p, { hash: sha256(t), content: Buffer.from(t) }]));
const draft = (files: Record<string, string>) =>
	new Map(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]));

describe('questions changed between two versions of a quiz file', () => {
	it('names the language whose text changed, and only that one', () => {
		const after = QUIZ.replace('fr: B }', 'fr: Bé }');
		expect(compareQuestions(QUIZ, after)).toEqual([
			{ id: 'q1', kind: 'changed', languages: ['fr'], structure: false }
		]);
	});
	it('marks a change outside the languages (the answer key) as structural', () => {
		const after = QUIZ.replace('answer: true', 'answer: false');
		expect(compareQuestions(QUIZ, after)).toEqual([
			{ id: 'q2', kind: 'changed', languages: [], structure: true }
		]);
	});
	it('finds added and removed questions by id', () => {
		const after = QUIZ.replace('id: q2', 'id: q3');
		expect(compareQuestions(QUIZ, after).map((q) => [q.id, q.kind, q.languages])).toEqual([
			['q3', 'added', ['ar', 'fr']],
			['q2', 'removed', ['ar', 'fr']]
		]);
	});
});

describe('the draft against the published files', () => {
	const LESSON = '---\ntitle: "درس"\nminutes: 5\n---\nسطر 1\nسطر 2\nسطر 3\nسطر 4\nسطر 5\nسطر 6\n';
	it('reports changed lessons per language with a line diff, quizzes by question, other files by path', () => {
		const before = published({
			'course.yaml': 'slug: x\n',
			'01-m/01-a.ar.md': LESSON,
			'01-m/01-a.fr.md': '---\ntitle: "Leçon"\nminutes: 5\n---\nTexte\n',
			'01-m/quiz.yaml': QUIZ
		});
		const after = draft({
			'course.yaml': 'slug: x\n',
			'01-m/01-a.ar.md': LESSON.replace('سطر 6', 'ميزانية 2026 و PAI'),
			'01-m/01-a.en.md': '---\ntitle: "Lesson"\nminutes: 5\n---\nText\n',
			'01-m/quiz.yaml': QUIZ.replace('ar: صحيح؟', 'ar: هل هذا صحيح؟'),
			'media/x.png': 'png'
		});
		const c = compareFiles(before, after);
		expect(c.lessons.map((l) => [l.path, l.kind, l.locale])).toEqual([
			['01-m/01-a.ar.md', 'changed', 'ar'],
			['01-m/01-a.en.md', 'added', 'en'],
			['01-m/01-a.fr.md', 'removed', 'fr']
		]);
		expect(c.lessons[0]!.parts).toEqual([
			{ kind: 'same', text: '…\nسطر 4\nسطر 5\n' },
			{ kind: 'removed', text: 'سطر 6\n' },
			{ kind: 'added', text: 'ميزانية 2026 و PAI\n' }
		]);
		expect(c.quizzes).toEqual([
			{
				path: '01-m/quiz.yaml',
				kind: 'changed',
				questions: [{ id: 'q2', kind: 'changed', languages: ['ar'], structure: false }]
			}
		]);
		expect(c.files).toEqual([{ path: 'media/x.png', kind: 'added' }]);
		expect(c.languages).toEqual(['ar', 'en', 'fr']);
	});

	it('finds nothing when the draft is the published files', () => {
		const files = { 'course.yaml': 'slug: x\n', '01-m/01-a.ar.md': LESSON };
		expect(compareFiles(published(files), draft(files))).toEqual({
			lessons: [],
			quizzes: [],
			files: [],
			languages: []
		});
	});

	it('keeps short unchanged runs whole and cuts long ones to context', () => {
		expect(lineDiff('a\nb\n', 'a\nc\n')).toEqual([
			{ kind: 'same', text: 'a\n' },
			{ kind: 'removed', text: 'b\n' },
			{ kind: 'added', text: 'c\n' }
		]);
	});
});
