import { describe, expect, it } from 'vitest';
import {
	formToQuestion,
	mergeLanguages,
	questionToForm,
	rowCount
} from '../../../../src/lib/server/studio/quiz/question-form.ts';

const SINGLE = {
	id: 'budget-vote',
	type: 'single',
	idnumber: 'PB-01',
	points: 1,
	prompt: { ar: 'من يصوّت؟', fr: 'Qui vote ?' },
	options: [
		{ id: 'a', text: { ar: 'المجلس', fr: 'Le conseil' }, correct: true },
		{ id: 'b', text: { ar: 'الوالي', fr: 'Le gouverneur' }, feedback: { fr: 'Non.' } }
	]
};

describe('a question and its form', () => {
	it('round-trips a single choice, keeping what the form does not show (idnumber)', () => {
		const values = questionToForm(SINGLE, ['ar', 'fr']);
		expect(values).toMatchObject({
			id: 'budget-vote',
			'prompt.ar': 'من يصوّت؟',
			'options.1.text.fr': 'Le gouverneur',
			'options.1.feedback.fr': 'Non.',
			'options.1.feedback.ar': '',
			correct: '0'
		});
		expect(formToQuestion('single', values, { locales: ['ar', 'fr'], existing: SINGLE })).toEqual(
			SINGLE
		);
	});

	it('leaves empty rows out, gives new rows free ids and moves the right answer with the radio', () => {
		const body = formToQuestion(
			'single',
			{
				id: 'q',
				'prompt.ar': 'سؤال',
				'options.0.text.ar': 'أ',
				'options.1.text.ar': '   ',
				'options.2.text.ar': 'ج',
				'options.3.text.ar': 'د',
				'options.3.id': 'a',
				correct: '2'
			},
			{ locales: ['ar'] }
		);
		expect(body.options).toEqual([
			{ id: 'b', text: { ar: 'أ' } },
			{ id: 'c', text: { ar: 'ج' }, correct: true },
			{ id: 'a', text: { ar: 'د' } }
		]);
	});

	it('keeps a number that is not one as typed, for the checker to name', () => {
		const body = formToQuestion(
			'numeric',
			{ id: 'n', 'prompt.fr': 'Combien ?', answer: 'douze', tolerance: '0.5' },
			{ locales: ['fr'] }
		);
		expect(body).toMatchObject({ answer: 'douze', tolerance: 0.5 });
		expect(body).not.toHaveProperty('min');
	});

	it('reads accepted short answers one per line, per language', () => {
		const body = formToQuestion(
			'short',
			{
				id: 's',
				'prompt.ar': 'ما؟',
				'accept.ar': 'ميزانية\n\n الميزانية* ',
				'display.ar': 'الميزانية'
			},
			{ locales: ['ar', 'fr'] }
		);
		expect(body.accept).toEqual({ ar: ['ميزانية', 'الميزانية*'] });
		expect(body.display).toEqual({ ar: 'الميزانية' });
	});

	it('shows the rows filled in and two empty ones, never fewer than the type needs', () => {
		expect(rowCount('matching', {})).toBe(3);
		expect(rowCount('single', { 'options.4.text.ar': 'x' })).toBe(7);
		expect(rowCount('truefalse', {})).toBe(0);
	});
});

describe('feedback and rubric in the form', () => {
	it('edits option feedback per language; an emptied feedback removes the key', () => {
		const values = {
			...questionToForm(SINGLE, ['ar', 'fr']),
			'options.0.feedback.ar': ' صحيح، المجلس يصوّت. ',
			'options.1.feedback.fr': '  '
		};
		const body = formToQuestion('single', values, { locales: ['ar', 'fr'], existing: SINGLE });
		expect(body.options).toEqual([
			{
				id: 'a',
				text: SINGLE.options[0]?.text,
				correct: true,
				feedback: { ar: 'صحيح، المجلس يصوّت.' }
			},
			{ id: 'b', text: SINGLE.options[1]?.text }
		]);
	});

	it("edits a multiple choice's option feedback beside its fraction, and general feedback", () => {
		const body = formToQuestion(
			'multiple',
			{
				id: 'm',
				'prompt.fr': 'Lesquels ?',
				'options.0.text.fr': 'A',
				'options.0.fraction': '1',
				'options.0.feedback.fr': 'Oui.',
				'options.1.text.fr': 'B',
				'options.1.fraction': '-1',
				'feedback.fr': 'Voir la leçon 2.'
			},
			{ locales: ['fr'] }
		);
		expect(body.options).toEqual([
			{ id: 'a', text: { fr: 'A' }, feedback: { fr: 'Oui.' }, fraction: 1 },
			{ id: 'b', text: { fr: 'B' }, fraction: -1 }
		]);
		expect(body.feedback).toEqual({ fr: 'Voir la leçon 2.' });
	});

	it('edits true/false feedback per language and drops an emptied one', () => {
		const existing = {
			id: 't',
			type: 'truefalse',
			prompt: { ar: 'س' },
			answer: true,
			feedbackTrue: { ar: 'أحسنت' },
			feedbackFalse: { ar: 'لا' }
		};
		const values = questionToForm(existing, ['ar', 'fr']);
		expect(values).toMatchObject({ 'feedbackTrue.ar': 'أحسنت', 'feedbackFalse.ar': 'لا' });
		const body = formToQuestion(
			'truefalse',
			{ ...values, 'feedbackTrue.fr': 'Bravo', 'feedbackFalse.ar': '' },
			{ locales: ['ar', 'fr'], existing }
		);
		expect(body.feedbackTrue).toEqual({ ar: 'أحسنت', fr: 'Bravo' });
		expect(body).not.toHaveProperty('feedbackFalse');
		expect(Object.keys(body)).toEqual(['id', 'type', 'prompt', 'answer', 'feedbackTrue']);
	});

	it("edits an essay's rubric rows (text per language, points); no row leaves the rubric out", () => {
		const existing = {
			id: 'e',
			type: 'essay',
			points: 4,
			prompt: { fr: 'Expliquez.' },
			rubric: [{ id: 'r1', points: 4, text: { fr: 'Clair' } }]
		};
		const values = questionToForm(existing, ['fr']);
		expect(values).toMatchObject({
			'rubric.0.id': 'r1',
			'rubric.0.points': '4',
			'rubric.0.text.fr': 'Clair'
		});
		expect(rowCount('essay', values)).toBe(3);
		const body = formToQuestion(
			'essay',
			{ ...values, 'rubric.0.points': '3', 'rubric.1.text.fr': 'Sources', 'rubric.1.points': '1' },
			{ locales: ['fr'], existing }
		);
		expect(body.rubric).toEqual([
			{ id: 'r1', points: 3, text: { fr: 'Clair' } },
			{ id: 'r2', text: { fr: 'Sources' }, points: 1 }
		]);
		expect(Object.keys(body).at(-1)).toBe('rubric');
		const none = formToQuestion(
			'essay',
			{ ...values, 'rubric.0.points': '', 'rubric.0.text.fr': '' },
			{ locales: ['fr'], existing }
		);
		expect(none).not.toHaveProperty('rubric');
	});
});

describe("a translator's save", () => {
	it('changes only the texts in their languages and nothing else', () => {
		const submitted = formToQuestion(
			'single',
			{
				...questionToForm(SINGLE, ['ar', 'fr']),
				id: 'renamed',
				correct: '1',
				'prompt.ar': 'تغيير عربي',
				'prompt.fr': 'Qui vote le budget ?',
				'options.0.text.fr': ''
			},
			{ locales: ['ar', 'fr'], existing: SINGLE }
		);
		const merged = mergeLanguages(SINGLE, submitted, ['fr']) as typeof SINGLE;
		expect(merged.id).toBe('budget-vote');
		expect(merged.prompt).toEqual({ ar: 'من يصوّت؟', fr: 'Qui vote le budget ?' });
		expect(merged.options[0]).toEqual({ id: 'a', text: { ar: 'المجلس' }, correct: true });
		expect(merged.options[1]?.feedback).toEqual({ fr: 'Non.' });
	});
});
