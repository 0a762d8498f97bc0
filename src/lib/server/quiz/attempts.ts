// The attempt lifecycle, one import for routes and API handlers. Each step lives in its own file:
// start (and pre-test), save, view, submit (and the deadline sweep), review, essay grading, status.
export { startAttempt } from './attempts-start.ts';
export { startPretest } from './attempts-pretest.ts';
export { saveAnswer, validResponse } from './attempts-save.ts';
export { viewAttempt, type AttemptView } from './attempts-view.ts';
export { submitAttempt, expireDueAttempts, type AttemptResult } from './attempts-submit.ts';
export { reviewAttempt, type AttemptReview, type ReviewedQuestion } from './attempts-review.ts';
export { gradeEssay } from './attempts-grade.ts';
export { checkAnswer, type CheckedAnswer } from './attempts-check.ts';
export {
	bestResult,
	masteryState,
	quizStatusForCourse,
	type BestResult,
	type MasteryState,
	type QuizStatus
} from './attempts-status.ts';
export { QuizError } from './attempts-load.ts';
