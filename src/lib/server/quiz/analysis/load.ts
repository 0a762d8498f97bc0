// Loads the scores item analysis works on: each learner's FIRST submitted attempt at a quiz
// (Moodle's default, so a learner who retried until passing does not count twice), fully graded
// only, optionally limited to some learners (a cohort). Everything comes from the attempts' own
// snapshots, so an edited quiz never rewrites the statistics of attempts already taken.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer, quizAttempt } from '../../db/schema/index.ts';
import { entries } from '../body.ts';
import type { Question } from '../types.ts';
import {
	analyseQuiz,
	type AttemptScores,
	type ItemScore,
	type QuizStatistics
} from './statistics.ts';

/** One question as the statistics report it: a question edited between attempts is two items. */
export type AnalysedQuestion = {
	/** The key items are reported under: the question id, plus `@2`, `@3`… for later versions. */
	key: string;
	questionId: string;
	version: number;
	question: Question;
	optionIds: string[];
};

export type QuizAnalysis = { statistics: QuizStatistics; questions: AnalysedQuestion[] };

const CHUNK = 500;
const scored = (q: Question) => q.type !== 'description';
const bodyHash = (q: Question) =>
	createHash('sha256').update(JSON.stringify(q.body)).digest('hex').slice(0, 16);

/** Which option ids a response names, for the questions whose options can be counted. */
function chosenOptions(question: Question, response: unknown): string[] | null {
	switch (question.type) {
		case 'single':
			return typeof response === 'string' ? [response] : [];
		case 'multiple':
			return Array.isArray(response)
				? response.filter((r): r is string => typeof r === 'string')
				: [];
		case 'truefalse':
			return typeof response === 'boolean' ? [String(response)] : [];
		default:
			return null;
	}
}

function optionIdsOf(question: Question): string[] {
	if (question.type === 'truefalse') return ['true', 'false'];
	if (question.type === 'single' || question.type === 'multiple') {
		return entries(question.body, 'options').map((e) => e.id);
	}
	return [];
}

export function loadQuizAnalysis(
	db: Db,
	quizId: number,
	learners: readonly string[] | null = null
): QuizAnalysis {
	if (learners?.length === 0) return { statistics: analyseQuiz([], []), questions: [] };
	const rows = db
		.select({
			id: quizAttempt.id,
			userId: quizAttempt.userId,
			questions: quizAttempt.questions
		})
		.from(quizAttempt)
		.where(
			and(
				eq(quizAttempt.quizId, quizId),
				eq(quizAttempt.kind, 'attempt'),
				isNotNull(quizAttempt.submittedAt),
				eq(quizAttempt.pendingCount, 0),
				learners ? inArray(quizAttempt.userId, [...learners]) : undefined
			)
		)
		.orderBy(asc(quizAttempt.userId), asc(quizAttempt.startedAt), asc(quizAttempt.id))
		.all();
	const first = rows.filter((row, i) => i === 0 || rows[i - 1]?.userId !== row.userId);

	// Items in the order first met, one per distinct definition of a question.
	const items = new Map<string, AnalysedQuestion>();
	const versions = new Map<string, number>();
	const keyOf = new Map<number, Map<string, AnalysedQuestion>>();
	for (const attempt of first) {
		const byQuestion = new Map<string, AnalysedQuestion>();
		for (const { question } of attempt.questions) {
			if (!scored(question)) continue;
			const identity = `${question.id}\u0000${bodyHash(question)}`;
			let item = items.get(identity);
			if (!item) {
				const version = (versions.get(question.id) ?? 0) + 1;
				versions.set(question.id, version);
				item = {
					key: version === 1 ? question.id : `${question.id}@${String(version)}`,
					questionId: question.id,
					version,
					question,
					optionIds: optionIdsOf(question)
				};
				items.set(identity, item);
			}
			byQuestion.set(question.id, item);
		}
		keyOf.set(attempt.id, byQuestion);
	}

	const scores = new Map<number, Map<string, ItemScore>>();
	const ids = first.map((a) => a.id);
	for (let i = 0; i < ids.length; i += CHUNK) {
		const answers = db
			.select({
				attemptId: attemptAnswer.attemptId,
				questionId: attemptAnswer.questionId,
				response: attemptAnswer.response,
				score: attemptAnswer.score
			})
			.from(attemptAnswer)
			.where(inArray(attemptAnswer.attemptId, ids.slice(i, i + CHUNK)))
			.all();
		for (const answer of answers) {
			const item = keyOf.get(answer.attemptId)?.get(answer.questionId);
			if (!item) continue;
			let attempt = scores.get(answer.attemptId);
			if (!attempt) scores.set(answer.attemptId, (attempt = new Map<string, ItemScore>()));
			attempt.set(item.key, {
				score: answer.score ?? 0,
				max: item.question.points,
				chosen: chosenOptions(item.question, answer.response)
			});
		}
	}
	// A question shown but never answered has no row before submission writes one; count it as 0.
	const attempts: AttemptScores[] = first.map((a) => {
		const got = scores.get(a.id) ?? new Map<string, ItemScore>();
		for (const item of keyOf.get(a.id)?.values() ?? []) {
			if (!got.has(item.key))
				got.set(item.key, { score: 0, max: item.question.points, chosen: [] });
		}
		return got;
	});
	const questions = [...items.values()];
	return {
		statistics: analyseQuiz(
			attempts,
			questions.map((q) => ({ id: q.key, optionIds: q.optionIds }))
		),
		questions
	};
}
