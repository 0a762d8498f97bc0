// A start answers with the attempt it stored without reading its questions back (issue 15):
// what it returns must be exactly the row a later read finds, timed or not, new or resumed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAttempt } from '../../../src/lib/server/quiz/attempts/index.ts';
import { ownedAttempt } from '../../../src/lib/server/quiz/attempts/load.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, T0, learnerWithQuiz, minutes } from './fixture.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

describe('the attempt a start returns', () => {
	it.each([
		['untimed, options in written order', { timeLimitMinutes: 0, shuffleOptions: false }],
		['timed, options shuffled', { timeLimitMinutes: 15, shuffleOptions: true }]
	])('is the stored row (%s), and a second start resumes that same row', (_, settings) => {
		const { quizId, userId } = learnerWithQuiz(t.db, [single, truefalse], settings);
		const start = (now: Date) =>
			startAttempt(t.db, { issuer: ISSUER, userId, quizId, locale: 'ar', now });
		const started = start(T0);
		const stored = ownedAttempt(t.db, { attemptId: started.id, userId });
		expect(started).toEqual(stored);
		expect(started.deadlineAt).toEqual(settings.timeLimitMinutes ? minutes(15) : null);
		expect(started.questions.map((q) => q.question.id).sort()).toEqual(
			[single.id, truefalse.id].sort()
		);
		expect(start(minutes(1))).toEqual(stored);
	});
});
