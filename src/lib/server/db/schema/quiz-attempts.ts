import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { PresentedQuestion, Question } from '../../quiz/types.ts';
import { user } from './users.ts';
import { LOCALES } from '../../text/localised.ts';
import { quiz } from './courses.ts';

/** One question of an attempt as it was drawn: the full definition and exactly what was shown. */
export type AttemptQuestion = { question: Question; presented: PresentedQuestion };

/**
 * The quiz settings an attempt was started under, so a later edit of the quiz (a new pass mark,
 * showAnswers turned on) never changes a result already given. `feedback: 'none'` is a pre-test.
 */
export type AttemptSettings = {
	passMark: number | null;
	feedback: 'after-submit' | 'immediate' | 'none';
	showAnswers: 'after-submit' | 'after-pass' | 'never';
	timeLimitMinutes: number;
};

/**
 * A learner's attempt at a quiz. Scores stay null until submission; `passed` stays null while an
 * essay awaits a trainer. At most one open attempt per learner, quiz and kind (partial index).
 */
export const quizAttempt = sqliteTable(
	'quiz_attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quiz.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['attempt', 'pretest'] })
			.notNull()
			.default('attempt'),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		submittedBy: text('submitted_by', { enum: ['learner', 'deadline'] }),
		seed: text('seed').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		settings: text('settings', { mode: 'json' }).notNull().$type<AttemptSettings>(),
		/** In the order shown, options in the order shown. */
		questions: text('questions', { mode: 'json' }).notNull().$type<AttemptQuestion[]>(),
		score: real('score'),
		maxScore: real('max_score'),
		percentage: real('percentage'),
		passed: integer('passed', { mode: 'boolean' }),
		pendingCount: integer('pending_count').notNull().default(0),
		timeTakenSeconds: integer('time_taken_seconds')
	},
	(t) => [
		// Covers what the cohort grid and item analysis read of every attempt, so they never
		// touch the rows: the columns after the large `questions` snapshot sit in its overflow
		// pages (a 500-learner cohort's grid: 97 -> 32 ms CPU with this index).
		index('quiz_attempt_user_quiz_idx').on(
			t.userId,
			t.quizId,
			t.kind,
			t.submittedAt,
			t.startedAt,
			t.percentage,
			t.passed,
			t.pendingCount
		),
		index('quiz_attempt_deadline_idx').on(t.deadlineAt),
		uniqueIndex('quiz_attempt_one_open')
			.on(t.userId, t.quizId, t.kind)
			.where(sql`submitted_at IS NULL`)
	]
);
export type QuizAttempt = typeof quizAttempt.$inferSelect;

/**
 * One answer, upserted on every save (`revision` counts the changes). Grading columns are filled
 * at submission; an essay's `score` comes from the trainer named in `gradedBy`.
 */
export const attemptAnswer = sqliteTable(
	'attempt_answer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => quizAttempt.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		/** As given; null for a question left unanswered (row written at submission). */
		response: text('response', { mode: 'json' }).$type<unknown>(),
		savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
		revision: integer('revision').notNull().default(1),
		score: real('score'),
		correct: integer('correct', { mode: 'boolean' }),
		gradedBy: text('graded_by').references(() => user.id, { onDelete: 'set null' }),
		gradedAt: integer('graded_at', { mode: 'timestamp_ms' }),
		/** Set when the learner asked for feedback on this answer (quizzes with immediate feedback); the answer is then final. */
		checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
		/** A trainer's comment on an essay, shown to the learner in their review. */
		graderFeedback: text('grader_feedback'),
		/** Points per rubric criterion when the essay was marked against the quiz file's rubric. */
		rubricScores: text('rubric_scores', { mode: 'json' }).$type<Record<string, number>>()
	},
	(t) => [uniqueIndex('attempt_answer_attempt_question_idx').on(t.attemptId, t.questionId)]
);
export type AttemptAnswer = typeof attemptAnswer.$inferSelect;
