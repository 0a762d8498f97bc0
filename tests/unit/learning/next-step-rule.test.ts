import { describe, expect, it } from 'vitest';
import {
	chooseNextStep,
	quizAfterLesson,
	remainingOf,
	stepPath,
	type NextStepFacts
} from '../../../src/lib/server/learning/next-step-rule.ts';

/** Two modules of two lessons, module quizzes required, a final and a pre-test. */
function facts(over: Partial<NextStepFacts> = {}, done: number[] = [], passed: string[] = []) {
	const lesson = (id: number) => ({ id, slug: `l${id}`, done: done.includes(id) });
	const base: NextStepFacts = {
		modules: [
			{
				slug: 'm1',
				lessons: [lesson(1), lesson(2)],
				quiz: { slug: 'm1', passed: passed.includes('m1') }
			},
			{
				slug: 'm2',
				lessons: [lesson(3), lesson(4)],
				quiz: { slug: 'm2', passed: passed.includes('m2') }
			}
		],
		resumeLessonId: null,
		quizzesRequired: true,
		pretest: 'untouched',
		final: { passed: passed.includes('final'), awaitingGrading: false },
		certificate: null
	};
	return { ...base, ...over };
}

describe('the next step of a course', () => {
	it('offers the pre-test before anything is finished, and resumes it once started', () => {
		expect(chooseNextStep(facts())).toEqual({ kind: 'pretest', started: false });
		expect(chooseNextStep(facts({ pretest: 'open' }, [1]))).toEqual({
			kind: 'pretest',
			started: true
		});
	});

	it('goes to the first lesson once the pre-test is taken or skipped, or when there is none', () => {
		for (const pretest of ['taken', 'skipped', null] as const)
			expect(chooseNextStep(facts({ pretest }))).toEqual({
				kind: 'lesson',
				moduleSlug: 'm1',
				lessonSlug: 'l1',
				first: true
			});
	});

	it('no longer offers an untouched pre-test once a lesson is finished', () => {
		expect(chooseNextStep(facts({}, [1]))).toMatchObject({
			kind: 'lesson',
			lessonSlug: 'l2',
			first: false
		});
	});

	it('continues at the unfinished lesson last opened, but not at a finished one', () => {
		expect(chooseNextStep(facts({ pretest: null, resumeLessonId: 3 }, [1]))).toMatchObject({
			moduleSlug: 'm2',
			lessonSlug: 'l3'
		});
		expect(chooseNextStep(facts({ resumeLessonId: 3 }, [1, 2]))).toMatchObject({
			lessonSlug: 'l3'
		});
		expect(chooseNextStep(facts({ pretest: null, resumeLessonId: 1 }, [1]))).toMatchObject({
			lessonSlug: 'l2'
		});
	});

	it('asks for the module quiz before the next module when the course requires it', () => {
		expect(chooseNextStep(facts({}, [1, 2]))).toEqual({ kind: 'quiz', quizSlug: 'm1' });
		expect(chooseNextStep(facts({ quizzesRequired: false }, [1, 2]))).toMatchObject({
			kind: 'lesson',
			lessonSlug: 'l3'
		});
	});

	it('opens the final once every lesson and required quiz is done', () => {
		expect(chooseNextStep(facts({}, [1, 2, 3, 4], ['m1', 'm2']))).toEqual({ kind: 'final' });
	});

	it('says the final awaits grading rather than sending the learner back to it', () => {
		const f = facts(
			{ final: { passed: false, awaitingGrading: true } },
			[1, 2, 3, 4],
			['m1', 'm2']
		);
		expect(chooseNextStep(f)).toEqual({ kind: 'grading' });
	});

	it('points to the certificate once earned, never back to an early lesson at 100 %', () => {
		const f = facts({ certificate: 'ABC', resumeLessonId: 1 }, [1, 2, 3, 4], ['m1', 'm2', 'final']);
		expect(chooseNextStep(f)).toEqual({ kind: 'certificate', code: 'ABC' });
		expect(stepPath('c', chooseNextStep(f))).toBe('/certificates');
	});

	it('is done when everything is passed and the course gives no certificate', () => {
		expect(chooseNextStep(facts({}, [1, 2, 3, 4], ['m1', 'm2', 'final']))).toEqual({
			kind: 'done'
		});
	});

	it('lists what remains before completion', () => {
		expect(remainingOf(facts({}, [1, 2, 3]))).toEqual({
			lessons: 1,
			quizzes: ['m1', 'm2'],
			final: true
		});
		expect(remainingOf(facts({ quizzesRequired: false }, [1, 2, 3, 4]))).toEqual({
			lessons: 0,
			quizzes: [],
			final: true
		});
	});

	it('leads "Next" from a module’s last lesson to its quiz only when required and not passed', () => {
		expect(quizAfterLesson(facts(), 2)).toBe('m1');
		expect(quizAfterLesson(facts(), 1)).toBeNull();
		expect(quizAfterLesson(facts({}, [], ['m1']), 2)).toBeNull();
		expect(quizAfterLesson(facts({ quizzesRequired: false }), 2)).toBeNull();
	});

	it('builds each step’s path', () => {
		expect(stepPath('c', { kind: 'pretest', started: false })).toBe('/courses/c/quiz/pretest');
		expect(stepPath('c', { kind: 'quiz', quizSlug: 'm1' })).toBe('/courses/c/quiz/m1');
		expect(stepPath('c', { kind: 'final' })).toBe('/courses/c/quiz/final');
		expect(stepPath('c', { kind: 'lesson', moduleSlug: 'm', lessonSlug: 'l', first: true })).toBe(
			'/courses/c/m/l'
		);
	});
});
