// Creating an attempt row: the one way an attempt or pre-test begins, the snapshot of what is
// shown, and the open attempt it may meet.
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db, DbLike, Tx } from '../../db/index.ts';
import { quizAttempt, type AttemptSettings, type QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { preparedOn } from '../../db/prepared.ts';
import { findEnrolment } from '../../learning/enrolment.ts';
import { presentQuestion } from '../present.ts';
import { drawQuestions, shuffle } from '../random.ts';
import { liveQuestions } from './load.ts';
import type { Question } from '../types.ts';
import type { Locale } from '../../text/localised.ts';

export type AttemptKey = { userId: string; quizId: number; kind: 'attempt' | 'pretest' };

export function requireEnrolment(db: DbLike, userId: string, courseId: number): void {
	if (!findEnrolment(db, { userId, courseId })) throw new DomainError('not_enrolled');
}

/** The quiz an attempt is drawn from, and the course whose enrolment it needs. */
export type Source = { quizId: number; courseId: number };

/** How a new attempt's questions are drawn and shown, and the settings it keeps. */
export type Draw = {
	draw: number | null;
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	settings: AttemptSettings;
};

/** What differs between an attempt and a pre-test; everything else is `beginAttempt`'s. */
export type Beginning<S extends Source> = {
	/** The quiz to draw from (refuses when there is none). */
	source: (tx: Tx) => S;
	/**
	 * The attempt to return instead of a new one, or null. A DomainError it throws (limits,
	 * cool-down) is thrown after the commit, so an overdue attempt it closed stays closed.
	 */
	existing: (tx: Tx, key: AttemptKey, source: S) => QuizAttempt | null;
	draw: (tx: Tx, source: S) => Draw;
};

type Begin = { userId: string; kind: AttemptKey['kind']; locale: Locale; now: Date };

/**
 * The start shared by `startAttempt` and `startPretest`: in one immediate transaction, for an
 * enrolled learner ('not_enrolled'), returns the existing attempt or draws and stores a new one.
 */
export function beginAttempt<S extends Source>(
	db: Db,
	{ userId, kind, locale, now }: Begin,
	how: Beginning<S>
): QuizAttempt {
	const outcome = db.transaction(
		(tx): QuizAttempt | DomainError => {
			const source = how.source(tx);
			requireEnrolment(tx, userId, source.courseId);
			const key = { userId, quizId: source.quizId, kind };
			let existing: QuizAttempt | null;
			try {
				existing = how.existing(tx, key, source);
			} catch (e) {
				if (e instanceof DomainError) return e;
				throw e;
			}
			if (existing) return existing;
			const d = how.draw(tx, source);
			const seed = randomUUID();
			const drawn = drawQuestions(liveQuestions(tx, key.quizId), { draw: d.draw, seed });
			return insertAttempt(tx, {
				...key,
				locale,
				now,
				seed,
				settings: d.settings,
				questions: d.shuffleQuestions ? shuffle(drawn, `${seed}:order`) : drawn,
				shuffleOptions: d.shuffleOptions
			});
		},
		{ behavior: 'immediate' }
	);
	if (outcome instanceof DomainError) throw outcome;
	return outcome;
}

const openAttempt = (db: DbLike) =>
	db
		.select()
		.from(quizAttempt)
		.where(
			and(
				eq(quizAttempt.userId, sql.placeholder('userId')),
				eq(quizAttempt.quizId, sql.placeholder('quizId')),
				eq(quizAttempt.kind, sql.placeholder('kind')),
				isNull(quizAttempt.submittedAt)
			)
		)
		.prepare();

/** The learner's open attempt of this kind; the partial unique index allows at most one. */
export function findOpenAttempt(tx: Tx, k: AttemptKey): QuizAttempt | null {
	return (
		preparedOn(tx, openAttempt).get({ userId: k.userId, quizId: k.quizId, kind: k.kind }) ?? null
	);
}

type Insert = AttemptKey & {
	locale: Locale;
	now: Date;
	seed: string;
	settings: AttemptSettings;
	questions: Question[];
	shuffleOptions: boolean;
};

// The row as stored, less the two JSON columns the caller already holds: reading 30 kB of
// questions back and parsing them cost as much as storing them.
const {
	questions: _questions,
	settings: _settings,
	...scalarColumns
} = getTableColumns(quizAttempt);

// Prepared once per connection: a start is the heaviest write a burst of learners makes, and
// compiling this insert was a third of its transaction (tests/bench/RESULTS.md, 2026-12-02).
const newAttempt = (db: DbLike) =>
	db
		.insert(quizAttempt)
		.values({
			userId: sql.placeholder('userId'),
			quizId: sql.placeholder('quizId'),
			kind: sql.placeholder('kind'),
			startedAt: sql.placeholder('now'),
			// Raw: the column's encoder would call getTime() on an absent deadline.
			deadlineAt: sql`${sql.placeholder('deadlineMs')}`,
			seed: sql.placeholder('seed'),
			locale: sql.placeholder('locale'),
			settings: sql.placeholder('settings'),
			questions: sql.placeholder('questions')
		})
		// Behind the immediate transaction the partial unique index still has the last word.
		.onConflictDoNothing()
		.returning(scalarColumns)
		.prepare();

/** Stores the attempt with each question's definition and its presentation, option order included. */
function insertAttempt(tx: Tx, a: Insert): QuizAttempt {
	const minutes = a.settings.timeLimitMinutes;
	const questions = a.questions.map((question) => ({
		question,
		presented: presentQuestion(question, {
			locale: a.locale,
			shuffleOptions: a.shuffleOptions,
			seed: a.seed
		})
	}));
	// No row when the partial unique index met an open attempt (do nothing).
	const row = preparedOn(tx, newAttempt).all({
		userId: a.userId,
		quizId: a.quizId,
		kind: a.kind,
		now: a.now,
		deadlineMs: minutes > 0 ? a.now.getTime() + minutes * 60_000 : null,
		seed: a.seed,
		locale: a.locale,
		settings: a.settings,
		questions
	})[0];
	const kept = row ? { ...row, settings: a.settings, questions } : findOpenAttempt(tx, a);
	if (!kept) throw new DomainError('conflict');
	return kept;
}
