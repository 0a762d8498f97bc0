import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	putSettings,
	settingsToForm
} from '../../../../src/lib/server/studio/quiz/quiz-settings.ts';

const QUIZ = [
	'# Module 1 quiz',
	'title:',
	'  ar: "اختبار الوحدة"',
	'  fr: Quiz du module',
	'passMark: 70',
	'attempts: 3 # three tries',
	'shuffleOptions: true',
	'questions:',
	'  - id: q1',
	'    type: truefalse',
	'    prompt: { ar: "نص طويل جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا" }',
	'    answer: true',
	''
].join('\n');

describe('the quiz settings form', () => {
	it('shows the file’s settings with the defaults of the format where a key is absent', () => {
		expect(settingsToForm(QUIZ, ['ar', 'fr', 'en'])).toEqual({
			'title.ar': 'اختبار الوحدة',
			'title.fr': 'Quiz du module',
			'title.en': '',
			passMark: '70',
			attempts: '3',
			cooldownMinutes: '',
			timeLimitMinutes: '',
			draw: '',
			shuffleQuestions: 'true',
			shuffleOptions: 'true',
			feedback: 'after-submit',
			showAnswers: 'after-submit'
		});
	});

	it('writes only the lines of the keys that change: in place, new before the questions, emptied removed', () => {
		const values = {
			...settingsToForm(QUIZ, ['ar', 'fr']),
			'title.fr': 'Quiz : le budget',
			passMark: '',
			attempts: '3',
			timeLimitMinutes: '20',
			shuffleOptions: '',
			showAnswers: 'after-pass'
		};
		const out = putSettings(QUIZ, values, ['ar', 'fr']);
		expect(out).toBe(
			[
				'# Module 1 quiz',
				'title:',
				'  ar: "اختبار الوحدة"',
				'  fr: "Quiz : le budget"',
				'attempts: 3 # three tries',
				'shuffleOptions: false',
				'timeLimitMinutes: 20',
				'showAnswers: after-pass',
				'questions:',
				...QUIZ.split('\n').slice(8)
			].join('\n')
		);
		expect(parse(out)).toMatchObject({ title: { fr: 'Quiz : le budget' }, timeLimitMinutes: 20 });
	});

	it('adds and removes a title language, and keeps a number that is not one as typed', () => {
		const values = {
			...settingsToForm(QUIZ, ['ar', 'fr', 'en']),
			'title.fr': '',
			'title.en': 'Module quiz',
			passMark: 'soixante'
		};
		const out = parse(putSettings(QUIZ, values, ['ar', 'fr', 'en'])) as Record<string, unknown>;
		expect(out.title).toEqual({ ar: 'اختبار الوحدة', en: 'Module quiz' });
		expect(out.passMark).toBe('soixante');
	});

	it('turns a title that is one text or empty into a map of the languages typed', () => {
		for (const title of ['title: Quiz', 'title:']) {
			const text = QUIZ.replace(/^title:\n {2}ar: .*\n {2}fr: .*$/m, title);
			expect(text).toContain(`\n${title}\npassMark`);
			const out = putSettings(text, { 'title.ar': 'اختبار', 'title.fr': '' }, ['ar', 'fr']);
			expect((parse(out) as { title: unknown }).title).toEqual({ ar: 'اختبار' });
		}
	});

	it('changes not a byte when nothing changes (a default the file leaves out stays out)', () => {
		expect(putSettings(QUIZ, settingsToForm(QUIZ, ['ar', 'fr']), ['ar', 'fr'])).toBe(QUIZ);
	});
});
