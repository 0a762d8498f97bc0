// The learner's review of a submitted attempt. Scores and right/wrong are always shown; what
// gives answers away is gated: the answer key and the general feedback (authors write it as the
// explanation of the right answer) only as `showAnswers` allows, feedback on the learner's own
// choices unless the attempt shows no feedback at all (a pre-test from the final's pool).
import type { Db } from '../../db/index.ts';
import { DomainError } from '../../errors.ts';
import { answerKey, chosenFeedback, generalFeedback } from './answers.ts';
import { ownedAttempt } from './load.ts';
import { answersOf, resultOf, totalsOf, type AttemptResult } from './submit.ts';
import type { PresentedQuestion, Question } from '../types.ts';
import type { AttemptAnswer } from '../../db/schema/index.ts';
import { localText, type Locale } from '../../text/localised.ts';
import { rubricOf } from './grade-essay.ts';

export type ReviewedQuestion = {
	question: PresentedQuestion;
	response: unknown;
	score: number | null;
	max: number;
	correct: boolean | null;
	pending: boolean;
	/** Feedback written for what the learner chose. */
	feedback: string[];
	/** Present only when the quiz reveals answers to this attempt. */
	answer?: unknown;
	explanation?: string | null;
	/** A trainer's marking of an essay, once graded: comment and points per rubric criterion. */
	marking?: EssayMarking;
};

export type EssayMarking = {
	feedback: string | null;
	rubric: { id: string; text: string; points: number; max: number }[];
};

/** What a trainer wrote and gave for an essay, in the attempt's language; null before grading. */
export function markingOf(
	question: Question,
	answer: AttemptAnswer | undefined,
	locale: Locale
): EssayMarking | null {
	if (question.type !== 'essay' || !answer?.gradedAt) return null;
	const given = answer.rubricScores ?? {};
	return {
		feedback: answer.graderFeedback,
		rubric: rubricOf(question.body).flatMap((c) =>
			given[c.id] === undefined
				? []
				: [{ id: c.id, text: localText(c.text, locale), points: given[c.id] ?? 0, max: c.points }]
		)
	};
}

export type AttemptReview = AttemptResult & {
	kind: 'attempt' | 'pretest';
	status: 'passed' | 'failed' | 'awaiting_grading';
	answersShown: boolean;
	questions: ReviewedQuestion[];
};

/** The review of the learner's own submitted attempt ('not_submitted' while it is open). */
export function reviewAttempt(
	db: Db,
	{ attemptId, userId }: { attemptId: number; userId: string }
): AttemptReview {
	const attempt = ownedAttempt(db, { attemptId, userId });
	if (!attempt.submittedAt) throw new DomainError('not_submitted');
	const answers = answersOf(db, attempt.id);
	const { grade } = totalsOf(attempt, answers);
	const responses = new Map(answers.map((a) => [a.questionId, a.response]));
	const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
	const { showAnswers, feedback } = attempt.settings;
	const answersShown =
		showAnswers === 'after-submit' || (showAnswers === 'after-pass' && attempt.passed === true);
	const locale = attempt.locale;
	const questions = attempt.questions.map(({ question, presented }): ReviewedQuestion => {
		const result = grade.results[question.id] ?? {
			score: 0,
			max: 0,
			correct: null,
			feedback: { optionIds: [] }
		};
		const reviewed: ReviewedQuestion = {
			question: presented,
			response: responses.get(question.id) ?? null,
			score: result.score,
			max: result.max,
			correct: result.correct,
			pending: result.pending === true,
			feedback: feedback === 'none' ? [] : chosenFeedback(question, result, locale)
		};
		const marking = markingOf(question, byQuestion.get(question.id), locale);
		if (marking) reviewed.marking = marking;
		if (answersShown) {
			reviewed.answer = answerKey(question, locale);
			reviewed.explanation = generalFeedback(question, locale);
		}
		return reviewed;
	});
	const status =
		attempt.passed === null ? 'awaiting_grading' : attempt.passed ? 'passed' : 'failed';
	return { ...resultOf(attempt), kind: attempt.kind, status, answersShown, questions };
}
