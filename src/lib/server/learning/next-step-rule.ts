// The one rule for "what should this learner do next in this course", as a pure function:
// the course page, My learning, the lesson pager and the lesson's "finish" form all follow it.
import type { LessonRef } from './reader.ts';

export type NextStepFacts = {
	/** Modules in order, each with its lessons (done or not) and its quiz, if it has one. */
	modules: {
		slug: string;
		lessons: { id: number; slug: string; done: boolean }[];
		quiz: { slug: string; passed: boolean } | null;
	}[];
	/** The lesson the learner last opened; "continue" prefers it while it is unfinished. */
	resumeLessonId: number | null;
	/** Module quizzes must be passed (course.yaml `completion.moduleQuizzes: passed`). */
	quizzesRequired: boolean;
	/** null when the course offers no pre-test; otherwise whether it was taken, started or skipped. */
	pretest: 'open' | 'taken' | 'skipped' | 'untouched' | null;
	final: { passed: boolean; awaitingGrading: boolean } | null;
	/** The code of a valid certificate for this course, when the learner holds one. */
	certificate: string | null;
};

export type NextStep =
	| { kind: 'pretest'; started: boolean }
	| ({ kind: 'lesson'; first: boolean } & LessonRef)
	| { kind: 'quiz'; quizSlug: string }
	| { kind: 'final' }
	| { kind: 'grading' }
	| { kind: 'certificate'; code: string }
	| { kind: 'done' };

export type Remaining = { lessons: number; quizzes: string[]; final: boolean };

/** What is left before the course is complete, for "what remains" after the last lesson. */
export function remainingOf(f: NextStepFacts): Remaining {
	return {
		lessons: f.modules.flatMap((m) => m.lessons).filter((l) => !l.done).length,
		quizzes: f.quizzesRequired
			? f.modules.flatMap((m) => (m.quiz && !m.quiz.passed ? [m.quiz.slug] : []))
			: [],
		final: f.final !== null && !f.final.passed
	};
}

/**
 * The next step: the pre-test while nothing is finished yet (unless skipped), then module by
 * the unfinished lesson last opened, else module by module its unfinished lessons and its quiz
 * when the course requires it, then the final, then
 * the certificate. Never an early lesson once every lesson is finished.
 */
export function chooseNextStep(f: NextStepFacts): NextStep {
	const lessons = f.modules.flatMap((m) => m.lessons);
	const started = lessons.some((l) => l.done);
	if (f.pretest === 'open') return { kind: 'pretest', started: true };
	if (f.pretest === 'untouched' && !started) return { kind: 'pretest', started: false };
	const resume = f.modules
		.flatMap((m) => m.lessons.map((l) => ({ m, l })))
		.find(({ l }) => l.id === f.resumeLessonId && !l.done);
	// "Continue where I stopped": the unfinished lesson last opened comes first.
	if (resume)
		return {
			kind: 'lesson',
			moduleSlug: resume.m.slug,
			lessonSlug: resume.l.slug,
			first: !started && resume.l.id === lessons[0]?.id
		};
	for (const m of f.modules) {
		const l = m.lessons.find((x) => !x.done);
		if (l)
			return {
				kind: 'lesson',
				moduleSlug: m.slug,
				lessonSlug: l.slug,
				first: !started && l.id === lessons[0]?.id
			};
		if (f.quizzesRequired && m.quiz && !m.quiz.passed)
			return { kind: 'quiz', quizSlug: m.quiz.slug };
	}
	if (f.certificate) return { kind: 'certificate', code: f.certificate };
	if (f.final && !f.final.passed)
		return f.final.awaitingGrading ? { kind: 'grading' } : { kind: 'final' };
	return { kind: 'done' };
}

/** Where "Next" leads from the last lesson of a module: its quiz, when the course requires it. */
export function quizAfterLesson(f: NextStepFacts, lessonId: number): string | null {
	const m = f.modules.find((x) => x.lessons.at(-1)?.id === lessonId);
	return f.quizzesRequired && m?.quiz && !m.quiz.passed ? m.quiz.slug : null;
}

/** The page a step opens, without the locale prefix. */
export function stepPath(courseSlug: string, step: NextStep): string {
	const base = `/courses/${courseSlug}`;
	switch (step.kind) {
		case 'pretest':
			return `${base}/quiz/pretest`;
		case 'lesson':
			return `${base}/${step.moduleSlug}/${step.lessonSlug}`;
		case 'quiz':
			return `${base}/quiz/${step.quizSlug}`;
		case 'final':
		case 'grading':
			return `${base}/quiz/final`;
		case 'certificate':
			return '/certificates';
		case 'done':
			return base;
	}
}
