import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../../src/lib/server/db/index.ts';
import {
	expireDueAttempts,
	saveAnswer,
	startAttempt,
	submitAttempt,
	viewAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import type { QuizSettings } from '../../../src/lib/server/courses/types.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { single, truefalse } from '../../unit/quiz/sample-questions.ts';
import {
	ISSUER,
	T0,
	addQuiz,
	addUser,
	enrolIn,
	minutes,
	learnerWithQuiz,
	refusal
} from './fixture.ts';

const { quizAttempt } = schema;
let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

const learner = (settings: Partial<QuizSettings>) =>
	learnerWithQuiz(t.db, [single, truefalse], settings);

describe('attempts allowed and cool-down', () => {
	it('makes the learner wait the cool-down, then stops them after the last attempt allowed', () => {
		const { quizId, userId } = learner({ attempts: 2, cooldownMinutes: 30 });
		const start = (at: Date) =>
			startAttempt(t.db, { issuer: ISSUER, userId, quizId, locale: 'fr', now: at });
		const first = start(T0);
		submitAttempt(t.db, { issuer: ISSUER, attemptId: first.id, userId, now: minutes(5) });
		expect(refusal(() => start(minutes(15)))).toEqual({
			code: 'cooldown',
			details: { secondsLeft: 20 * 60 }
		});
		const second = start(minutes(35));
		expect(second.id).not.toBe(first.id);
		submitAttempt(t.db, { issuer: ISSUER, attemptId: second.id, userId, now: minutes(40) });
		expect(refusal(() => start(minutes(600)))).toEqual({
			code: 'attempts_exhausted',
			details: { used: 2, allowed: 2 }
		});
	});

	it('lets a learner start again at once when the quiz sets no limits', () => {
		const { quizId, userId } = learner({ attempts: 0, cooldownMinutes: 0 });
		for (let i = 0; i < 5; i++) {
			const a = startAttempt(t.db, {
				issuer: ISSUER,
				userId,
				quizId,
				locale: 'fr',
				now: minutes(i)
			});
			submitAttempt(t.db, { issuer: ISSUER, attemptId: a.id, userId, now: minutes(i) });
		}
		expect(t.db.select().from(quizAttempt).all()).toHaveLength(5);
	});
});

describe('time limit enforced by the server', () => {
	it('refuses a save after the deadline and submits the attempt with what was saved', () => {
		const { quizId, userId } = learner({ timeLimitMinutes: 10 });
		const { id: attemptId, deadlineAt } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		expect(deadlineAt).toEqual(minutes(10));
		const save = (questionId: string, response: unknown, at: Date) => () =>
			saveAnswer(t.db, { issuer: ISSUER, attemptId, userId, questionId, response, now: at });
		save(single.id, 'a', minutes(9))();
		expect(refusal(save(truefalse.id, true, minutes(11)))).toEqual({ code: 'deadline_passed' });
		const row = t.db.select().from(quizAttempt).get()!;
		expect(row).toMatchObject({
			submittedAt: minutes(10),
			submittedBy: 'deadline',
			score: 1,
			maxScore: 2,
			timeTakenSeconds: 600
		});
		expect(refusal(save(truefalse.id, true, minutes(12)))).toEqual({ code: 'attempt_submitted' });
	});

	it('submits an overdue attempt when it is opened, and a new start does not resume it', () => {
		const { quizId, userId } = learner({ timeLimitMinutes: 10 });
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		expect(viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(9) })).toMatchObject(
			{
				status: 'open',
				secondsLeft: 60
			}
		);
		expect(
			viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(30) })
		).toMatchObject({
			status: 'submitted',
			secondsLeft: null
		});
		const next = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: minutes(31)
		});
		expect(next.id).not.toBe(attemptId);
	});

	it('sweeps every overdue attempt and leaves the others running', () => {
		const { quizId, userId } = learner({ timeLimitMinutes: 10 });
		const late = startAttempt(t.db, { issuer: ISSUER, userId, quizId, locale: 'fr', now: T0 });
		const other = addUser(t.db);
		const { courseId, quizId: q2 } = addQuiz(t.db, {
			questions: [single],
			settings: { timeLimitMinutes: 10 }
		});
		enrolIn(t.db, other, courseId);
		const running = startAttempt(t.db, {
			issuer: ISSUER,
			userId: other,
			quizId: q2,
			locale: 'fr',
			now: minutes(5)
		});
		expect(expireDueAttempts(t.db, { issuer: ISSUER, now: minutes(12) })).toBe(1);
		expect(expireDueAttempts(t.db, { issuer: ISSUER, now: minutes(12) })).toBe(0);
		const byId = new Map(
			t.db
				.select()
				.from(quizAttempt)
				.all()
				.map((a) => [a.id, a])
		);
		expect(byId.get(late.id)).toMatchObject({ submittedBy: 'deadline', score: 0, passed: false });
		expect(byId.get(running.id)?.submittedAt).toBeNull();
	});
});
