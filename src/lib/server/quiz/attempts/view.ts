// What the learner's browser gets while taking a quiz: the questions as presented when the
// attempt started (never an answer key) and their own saved answers, to resume on any device.
import type { Db } from '../../db/index.ts';
import { isOverdue, ownedAttempt } from './load.ts';
import { answersOf, finaliseAttempt } from './submit.ts';
import type { PresentedQuestion } from '../types.ts';
import { checkedResult, type CheckedAnswer } from './check.ts';
import type { Issuer } from '../../certificates/issue.ts';
import type { Locale } from '../../text/localised.ts';

export type AttemptView = {
	attemptId: number;
	quizId: number;
	kind: 'attempt' | 'pretest';
	/** The language its questions were drawn in. */
	locale: Locale;
	status: 'open' | 'submitted';
	startedAt: Date;
	deadlineAt: Date | null;
	/** Whole seconds until the deadline; null without a time limit or once submitted. */
	secondsLeft: number | null;
	questions: PresentedQuestion[];
	/** The learner's saved responses by question id, with the revision to show "saved". */
	answers: Record<
		string,
		{ response: unknown; savedAt: Date; revision: number; checked?: CheckedAnswer }
	>;
	/** Whether the learner may check answers one by one (quiz set to immediate feedback). */
	immediateFeedback: boolean;
};

/**
 * The attempt as its owner sees it; opened after the deadline, it is submitted first (issuing
 * what it earns).
 */
export function viewAttempt(
	db: Db,
	{
		attemptId,
		userId,
		issuer,
		now = new Date()
	}: { attemptId: number; userId: string; issuer: Issuer; now?: Date }
): AttemptView {
	let attempt = ownedAttempt(db, { attemptId, userId });
	// Reads take no lock; only an overdue attempt needs the write that submits it.
	if (!attempt.submittedAt && isOverdue(attempt, now))
		attempt = db.transaction(
			(tx) => finaliseAttempt(tx, ownedAttempt(tx, { attemptId, userId }), { now, issuer }),
			{ behavior: 'immediate' }
		);
	const answers: AttemptView['answers'] = {};
	for (const a of answersOf(db, attempt.id))
		if (a.revision > 0) {
			const checked = checkedResult(attempt, a);
			answers[a.questionId] = {
				response: a.response,
				savedAt: a.savedAt,
				revision: a.revision,
				...(checked ? { checked } : {})
			};
		}
	const open = attempt.submittedAt === null;
	return {
		attemptId: attempt.id,
		quizId: attempt.quizId,
		kind: attempt.kind,
		locale: attempt.locale,
		status: open ? 'open' : 'submitted',
		startedAt: attempt.startedAt,
		deadlineAt: attempt.deadlineAt,
		secondsLeft:
			open && attempt.deadlineAt
				? Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000))
				: null,
		questions: attempt.questions.map((q) => q.presented),
		answers,
		immediateFeedback: attempt.settings.feedback === 'immediate'
	};
}
