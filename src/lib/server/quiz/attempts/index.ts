// The attempt lifecycle, one import for routes and API handlers. Each step lives in its own file:
// start (and pre-test), save, view, submit (and the deadline sweep), review, essay grading, status.
export { startAttempt } from './start.ts';
export { startPretest } from './pretest.ts';
export { saveAnswer, validResponse } from './save.ts';
export { viewAttempt, type AttemptView } from './view.ts';
export { submitAttempt, expireDueAttempts, type AttemptResult } from './submit.ts';
export { reviewAttempt, type AttemptReview, type ReviewedQuestion } from './review.ts';
export { gradeEssay } from './grade-essay.ts';
export { attemptForGrading, essaysToGrade } from './grading.ts';
export { checkAnswer, type CheckedAnswer } from './check.ts';
export {
	bestResult,
	masteryState,
	quizStatusForCourse,
	type BestResult,
	type MasteryState,
	type QuizStatus
} from './status.ts';
