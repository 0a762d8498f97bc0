import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDb, schema, type Db } from '../../../src/lib/server/db/index.ts';
import {
	saveAnswer,
	startAttempt,
	submitAttempt,
	viewAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { essay, everyType, multiple, single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, T0, addUser, enrolIn, learnerWithQuiz, minutes, codeOf } from './fixture.ts';

const { attemptAnswer, question, quizAttempt } = schema;
const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
let t: TestDb;
let others: Db[];
beforeEach(() => {
	t = createTestDb();
	others = [];
});
afterEach(() => {
	for (const db of others) db.$client.close();
	t.close();
});

/** A second connection to the same file: another server process, or another device's request. */
function secondConnection(): Db {
	const db = createDb(t.file);
	others.push(db);
	return db;
}

const learner = (questions = everyType) => learnerWithQuiz(t.db, questions);

describe('starting and resuming', () => {
	it('refuses a learner who is not enrolled in the course', () => {
		const { quizId } = learner();
		const stranger = addUser(t.db);
		expect(
			codeOf(() =>
				startAttempt(t.db, { issuer: ISSUER, userId: stranger, quizId, locale: 'fr', now: T0 })
			)
		).toBe('not_enrolled');
	});

	it('resumes the open attempt on another device with the same questions and saved answers', () => {
		const { quizId, userId } = learner();
		const first = startAttempt(t.db, { issuer: ISSUER, userId, quizId, locale: 'fr', now: T0 });
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId: first.id,
			userId,
			questionId: single.id,
			response: 'a',
			now: minutes(1)
		});
		const phone = secondConnection();
		const again = startAttempt(phone, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'ar',
			now: minutes(2)
		});
		expect(again.id).toBe(first.id);
		const view = viewAttempt(phone, {
			issuer: ISSUER,
			attemptId: again.id,
			userId,
			now: minutes(2)
		});
		expect(view.questions).toEqual(
			viewAttempt(t.db, { issuer: ISSUER, attemptId: first.id, userId, now: T0 }).questions
		);
		expect(view.answers[single.id]).toMatchObject({ response: 'a', revision: 1 });
		expect(view.status).toBe('open');
	});

	it('gives twenty simultaneous starts over two connections one attempt, and the index refuses a second', async () => {
		const { quizId, userId } = learner();
		const dbs = [t.db, secondConnection()];
		const ids = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				Promise.resolve().then(
					() =>
						startAttempt(dbs[i % 2]!, { issuer: ISSUER, userId, quizId, locale: 'fr', now: T0 }).id
				)
			)
		);
		expect(new Set(ids).size).toBe(1);
		expect(t.db.select().from(quizAttempt).all()).toHaveLength(1);
		const raw = dbs[1]!.$client.prepare(
			`insert into quiz_attempt (user_id, quiz_id, kind, started_at, seed, locale, settings, questions)
			 values (?, ?, 'attempt', 0, 's', 'fr', '{}', '[]')`
		);
		expect(() => raw.run(userId, quizId)).toThrow(/UNIQUE constraint failed/);
	});
	it('gives one attempt to starts racing from four processes at the same moment', async () => {
		const { quizId, userId } = learner();
		const at = Date.now() + 3000;
		const runs = Array.from({ length: 4 }, () =>
			run(TSX, [
				path.resolve('tests/integration/quiz/start-process.ts'),
				t.file,
				String(quizId),
				userId,
				String(at)
			])
		);
		const ids = (await Promise.all(runs)).flatMap((r) => JSON.parse(r.stdout) as number[]);
		expect(ids).toHaveLength(20);
		expect(new Set(ids).size).toBe(1);
		expect(t.db.select().from(quizAttempt).all()).toHaveLength(1);
	});
});

describe('saving answers', () => {
	it('keeps every change as a new revision and treats the same answer again as harmless', () => {
		const { quizId, userId } = learner();
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		const save = (response: unknown, at: number) =>
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId,
				userId,
				questionId: multiple.id,
				response,
				now: minutes(at)
			});
		expect(save(['tax'], 1)).toEqual({ savedAt: minutes(1), revision: 1 });
		expect(save(['tax', 'fee'], 2)).toEqual({ savedAt: minutes(2), revision: 2 });
		expect(save(['tax', 'fee'], 3)).toEqual({ savedAt: minutes(2), revision: 2 });
		const rows = t.db
			.select()
			.from(attemptAnswer)
			.where(eq(attemptAnswer.attemptId, attemptId))
			.all();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.response).toEqual(['tax', 'fee']);
	});

	it('refuses a response of the wrong shape, an unknown question and another learner’s attempt', () => {
		const { quizId, userId, courseId } = learner();
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		const save =
			(questionId: string, response: unknown, who = userId) =>
			() =>
				saveAnswer(t.db, { issuer: ISSUER, attemptId, userId: who, questionId, response, now: T0 });
		expect(codeOf(save(single.id, ['a']))).toBe('invalid_response');
		expect(codeOf(save(multiple.id, 'tax'))).toBe('invalid_response');
		expect(codeOf(save(truefalse.id, 'maybe'))).toBe('invalid_response');
		expect(codeOf(save(essay.id, { text: 'x' }))).toBe('invalid_response');
		expect(codeOf(save('not-in-quiz', 'a'))).toBe('unknown_question');
		const intruder = addUser(t.db);
		enrolIn(t.db, intruder, courseId);
		expect(codeOf(save(single.id, 'a', intruder))).toBe('not_found');
		expect(
			codeOf(() => viewAttempt(t.db, { issuer: ISSUER, attemptId, userId: intruder, now: T0 }))
		).toBe('not_found');
		expect(t.db.select().from(attemptAnswer).all()).toHaveLength(0);
	});
});

describe('submitting', () => {
	it('returns the same result when submitted twice and refuses a save afterwards', () => {
		const { quizId, userId } = learner([single, truefalse]);
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: single.id,
			response: 'a',
			now: minutes(1)
		});
		const first = submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(2) });
		const second = submitAttempt(secondConnection(), {
			issuer: ISSUER,
			attemptId,
			userId,
			now: minutes(9)
		});
		expect(second).toEqual(first);
		expect(first).toMatchObject({
			score: 1,
			max: 2,
			percentage: 50,
			passed: true,
			timeTakenSeconds: 120
		});
		expect(t.db.select().from(quizAttempt).all()).toHaveLength(1);
		const save = () =>
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId,
				userId,
				questionId: truefalse.id,
				response: true,
				now: minutes(3)
			});
		expect(codeOf(save)).toBe('attempt_submitted');
		const answers = t.db
			.select()
			.from(attemptAnswer)
			.where(eq(attemptAnswer.attemptId, attemptId))
			.all();
		expect(answers.map((a) => [a.questionId, a.response, a.correct]).sort()).toEqual(
			[
				[single.id, 'a', true],
				[truefalse.id, null, false]
			].sort()
		);
	});

	it('keeps a started attempt’s questions and grade when the quiz is edited afterwards', () => {
		const { quizId, userId } = learner([single]);
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId,
			locale: 'fr',
			now: T0
		});
		const before = viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: T0 });
		const options = (single.body.options as { id: string; correct?: boolean }[]).map((o) => ({
			...o,
			text: { fr: `édité ${o.id}` },
			correct: o.id === 'b'
		}));
		t.db
			.update(question)
			.set({ body: { ...single.body, prompt: { fr: 'Nouvelle question ?' }, options } })
			.where(and(eq(question.quizId, quizId), eq(question.questionId, single.id)))
			.run();
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: single.id,
			response: 'a',
			now: minutes(1)
		});
		expect(
			viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(1) }).questions
		).toEqual(before.questions);
		expect(
			submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(2) })
		).toMatchObject({
			score: 1,
			passed: true
		});
	});
});
