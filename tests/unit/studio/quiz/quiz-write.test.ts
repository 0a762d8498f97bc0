import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../helpers/db.ts';
import { createUser } from '../../../../src/lib/server/accounts/users.ts';
import { createStudioCourse } from '../../../../src/lib/server/studio/create-course.ts';
import { draftText, saveDraftFile } from '../../../../src/lib/server/studio/draft-files.ts';
import { checkQuizText } from '../../../../src/lib/server/studio/quiz/quiz-check.ts';
import { readQuizDraft } from '../../../../src/lib/server/studio/quiz/quiz-write.ts';
import { saveQuestion } from '../../../../src/lib/server/studio/quiz/save-question.ts';
import { planImport } from '../../../../src/lib/server/studio/quiz/import-questions.ts';
import { readQuestions } from '../../../../src/lib/server/studio/quiz/quiz-yaml.ts';

let t: TestDb;
let actorId = '';
let courseId = 0;
const QUIZ = '01-introduction/quiz.yaml';
const current = () => readQuizDraft(t.db, { courseId, path: QUIZ });
const save = (
	values: Record<string, string>,
	over: Partial<Parameters<typeof saveQuestion>[1]> = {}
) =>
	saveQuestion(t.db, {
		actorId,
		courseId,
		path: QUIZ,
		expectedHash: current().hash,
		type: 'single',
		values,
		original: null,
		locales: ['ar', 'fr'],
		...over
	});
const SINGLE = {
	id: 'who-votes',
	'prompt.ar': 'من يصوّت على الميزانية؟',
	'options.0.text.ar': 'المجلس البلدي',
	'options.1.text.ar': 'الوالي',
	correct: '0'
};

beforeAll(async () => {
	t = createTestDb();
	actorId = (
		await createUser(t.db, {
			email: 'hela@example.tn',
			name: 'Hela',
			password: 'a long passphrase',
			locale: 'ar',
			role: 'trainer',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		})
	).id;
	courseId = createStudioCourse(t.db, {
		actorId,
		slug: 'quiz-rules',
		source: 'ar',
		titles: { ar: 'قواعد', fr: 'Règles' }
	}).courseId;
	const head = draftText(t.db, courseId, 'course.yaml')!;
	saveDraftFile(t.db, {
		courseId,
		path: 'course.yaml',
		text: head.replace('locales: [ar]', 'locales: [ar, fr]'),
		actorId,
		now: new Date()
	});
});
afterAll(() => {
	t.close();
});

describe('saving a question', () => {
	it('starts the module quiz, and a missing translation is reported beside its field without stopping the save', () => {
		expect(current().exists).toBe(false);
		const r = save(SINGLE);
		expect(r.ok).toBe(true);
		expect(readQuestions(draftText(t.db, courseId, QUIZ)!).map((q) => q.id)).toEqual(['who-votes']);
		if (!r.ok) return;
		expect(r.problems).toContainEqual(
			expect.objectContaining({
				question: 0,
				field: 'prompt',
				message: '"prompt" is missing locale "fr"'
			})
		);
		expect(r.problems).toContainEqual(
			expect.objectContaining({ question: 0, field: 'options.1.text' })
		);
	});

	it('refuses an answer key that cannot be satisfied and writes nothing', () => {
		const before = draftText(t.db, courseId, QUIZ);
		const r = save({ ...SINGLE, id: 'no-key', correct: '' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.refused).toEqual([
			expect.objectContaining({
				question: 1,
				field: 'options',
				message: 'a single-choice question needs exactly one option with "correct: true", found 0'
			})
		]);
		expect(draftText(t.db, courseId, QUIZ)).toBe(before);
	});

	it('refuses a positive share that does not add up, a duplicate id and an idnumber used in final.yaml', () => {
		const multiple = save(
			{
				id: 'shares',
				'prompt.ar': 'اختر',
				'options.0.text.ar': 'أ',
				'options.0.fraction': '0.5',
				'options.1.text.ar': 'ب',
				'options.1.fraction': '0.2'
			},
			{ type: 'multiple' }
		);
		expect(multiple.ok || multiple.refused.map((p) => p.message)).toEqual([
			'the positive fractions must add up to 1, they add up to 0.7'
		]);
		const twice = save(SINGLE);
		expect(twice.ok || twice.refused.map((p) => [p.field, p.message])).toEqual([
			['id', 'duplicate question id "who-votes" (first at line 12)']
		]);
		const finalText = draftText(t.db, courseId, 'final.yaml')!;
		const withIdnumber = finalText.replace(
			'type: truefalse',
			'type: truefalse\n    idnumber: FIN-1'
		);
		saveDraftFile(t.db, {
			courseId,
			path: 'final.yaml',
			text: withIdnumber,
			actorId,
			now: new Date()
		});
		const text = draftText(t.db, courseId, QUIZ)!.replace(
			'type: single',
			'type: single\n    idnumber: FIN-1'
		);
		expect(checkQuizText(t.db, { courseId, path: QUIZ, text })).toContainEqual(
			expect.objectContaining({ field: 'idnumber', severity: 'error' })
		);
	});

	it('refuses a save over a quiz someone else saved since it was opened', () => {
		const stale = current().hash;
		expect(save({ ...SINGLE, id: 'second' }).ok).toBe(true);
		expect(() => save({ ...SINGLE, id: 'third' }, { expectedHash: stale })).toThrow(
			'draft_changed'
		);
	});

	it('lets a translator change only the texts in their languages', () => {
		const r = save(
			{ ...SINGLE, 'prompt.ar': 'لا', 'prompt.fr': 'Qui vote le budget ?', correct: '1' },
			{ original: 'who-votes', languages: ['fr'] }
		);
		expect(r.ok).toBe(true);
		const q = readQuestions(draftText(t.db, courseId, QUIZ)!)[0]!;
		expect(q.prompt).toEqual({ ar: 'من يصوّت على الميزانية؟', fr: 'Qui vote le budget ?' });
		expect((q.options as { correct?: boolean }[])[0]?.correct).toBe(true);
		expect(() => save({ ...SINGLE, id: 'new-one' }, { languages: ['fr'] })).toThrow('forbidden');
	});
});

describe('importing a GIFT file', () => {
	it('imports what passes the rules and refuses the rest with the line in the uploaded file', () => {
		const gift = [
			'::tf::الميزانية تُعرض على العموم. {T}',
			'',
			'::two-keys::من؟ {=أ =ب ~ج}',
			'',
			'::broken:: سؤال بلا نهاية {=أ ~ب',
			'',
			'::short::ما اسم الوثيقة؟ {=الميزانية}'
		].join('\n');
		const base = current().text;
		const plan = planImport(t.db, {
			courseId,
			path: QUIZ,
			base,
			source: gift,
			format: 'gift',
			locale: 'ar'
		});
		expect(plan.imported.map((q) => [q.line, q.id, q.type])).toEqual([
			[1, 'tf', 'truefalse'],
			[7, 'short', 'short']
		]);
		expect(plan.refused.map((r) => r.line)).toEqual([3, 5]);
		expect(plan.text.startsWith(base)).toBe(true);
	});

	it('refuses an Aiken question without an answer line, naming its line', () => {
		const plan = planImport(t.db, {
			courseId,
			path: QUIZ,
			base: current().text,
			source: 'سؤال؟\nA) نعم\nB) لا\nANSWER: A\n\nسؤال بلا جواب\nA) x\n',
			format: 'aiken',
			locale: 'ar'
		});
		expect(plan.imported).toHaveLength(1);
		expect(plan.refused).toEqual([{ line: 6, messages: ["question has no 'ANSWER:' line"] }]);
	});
});
