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
	it('round-trips a single choice, keeping what the form does not show (idnumber, option feedback)', () => {
		const values = questionToForm(SINGLE, ['ar', 'fr']);
		expect(values).toMatchObject({
			id: 'budget-vote',
			'prompt.ar': 'من يصوّت؟',
			'options.1.text.fr': 'Le gouverneur',
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
