// A submitted attempt's questions as the review shows them: the learner's own review and the
// trainer's read-only copy on a learner's page render the same view.
import type { AttemptReview } from '$lib/server/quiz/attempts/review';
import { describeResponse } from './responses';

export type ReviewLabels = { true: string; false: string };

/** The questions of a review, with responses and answers written as lines of text. */
export function reviewQuestionsView(r: AttemptReview, labels: ReviewLabels) {
	return r.questions.map((q) => ({
		id: q.question.id,
		type: q.question.type,
		prompt: q.question.prompt,
		response: describeResponse(q.question, q.response, labels),
		score: q.score,
		max: q.max,
		correct: q.correct,
		pending: q.pending,
		feedback: q.feedback,
		answer:
			r.answersShown && q.answer !== undefined && q.answer !== null
				? describeResponse(q.question, q.answer, labels)
				: null,
		explanation: q.explanation ?? null,
		marking: q.marking ?? null
	}));
}

export type ReviewQuestionView = ReturnType<typeof reviewQuestionsView>[number];
