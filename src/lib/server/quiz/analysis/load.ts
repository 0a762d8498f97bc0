// Loads the scores item analysis works on: each learner's FIRST submitted attempt at a quiz
// (Moodle's default, so a learner who retried until passing does not count twice), fully graded
// only, optionally limited to some learners (a cohort). Everything comes from the attempts' own
// snapshots, so an edited quiz never rewrites the statistics of attempts already taken.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
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

/** A question an attempt showed: its id and type, and which definition of it (a digest). */
type Shown = { attemptId: number; questionId: string; type: string; digest: string };

const inList = (ids: number[]) =>
	sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);

/**
 * The questions each attempt showed, in order, and the distinct definitions among them, read
 * from the snapshots in one pass by SQLite's JSON functions: each shown question crosses into
 * JavaScript as its id, type and a digest of its body (db/index.ts), not as the 18 KB snapshot
 * (converting and parsing 500 of them took most of a cohort's item analysis, and grouping the
 * bodies in SQL cost more than the pass itself). Each distinct definition is then read once,
 * from one attempt that showed it.
 */
function shownQuestions(db: Db, ids: number[]) {
	const shown = new Map<number, Shown[]>();
	/** Per question id and body digest: one attempt that showed that definition. */
	const seenIn = new Map<string, number>();
	for (let i = 0; i < ids.length; i += CHUNK) {
		const rows = db.all<Shown>(sql`
			select a.id as attemptId, j.value ->> '$.question.id' as questionId,
				j.value ->> '$.question.type' as type,
				digest(jsonb_extract(j.value, '$.question.body')) as digest
			from ${quizAttempt} a, jsonb_each(a.questions) j
			where a.id in (${inList(ids.slice(i, i + CHUNK))}) order by a.id, j.key`);
		for (const row of rows) {
			const list = shown.get(row.attemptId) ?? [];
			list.push(row);
			shown.set(row.attemptId, list);
			const identity = `${row.questionId}\u0000${row.digest}`;
			if (!seenIn.has(identity)) seenIn.set(identity, row.attemptId);
		}
	}
	// One statement for every definition, whatever the number of learners (no N+1).
	const definitions = new Map<string, string>();
	const wanted = [...seenIn].map(([identity, attemptId]) => {
		const [questionId, digest] = identity.split('\u0000') as [string, string];
		return sql`(${attemptId}, ${questionId}, ${digest})`;
	});
	if (wanted.length) {
		const rows = db.all<{ questionId: string; digest: string; question: string }>(sql`
			with wanted(attempt_id, question_id, digest) as (values ${sql.join(wanted, sql`, `)})
			select w.question_id as questionId, w.digest as digest,
				json(jsonb_extract(j.value, '$.question')) as question
			from wanted w join ${quizAttempt} a on a.id = w.attempt_id, jsonb_each(a.questions) j
			where j.value ->> '$.question.id' = w.question_id
				and digest(jsonb_extract(j.value, '$.question.body')) is w.digest`);
		for (const r of rows) definitions.set(`${r.questionId}\u0000${r.digest}`, r.question);
	}
	/** The definition a shown question had: its identity, and the question as JSON text. */
	const definitionOf = (row: Shown): [string, string] => {
		const identity = `${row.questionId}\u0000${row.digest}`;
		return [identity, definitions.get(identity) ?? 'null'];
	};
	return { shown, definitionOf };
}

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
	// Ids first, snapshots after, and only the first attempts': a learner who retook the quiz
	// does not cost a second snapshot (each about 18 KB of JSON).
	const rows = db
		.select({ id: quizAttempt.id, userId: quizAttempt.userId })
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
	const { shown, definitionOf } = shownQuestions(
		db,
		first.map((a) => a.id)
	);

	// Items in the order first met, one per distinct definition of a question: its id and body
	// as the snapshot holds them. Each distinct question is parsed once, not once per attempt.
	const items = new Map<string, AnalysedQuestion>();
	const versions = new Map<string, number>();
	const keyOf = new Map<number, Map<string, AnalysedQuestion>>();
	for (const attempt of first) {
		const byQuestion = new Map<string, AnalysedQuestion>();
		for (const row of shown.get(attempt.id) ?? []) {
			if (row.type === 'description') continue;
			const [identity, text] = definitionOf(row);
			let item = items.get(identity);
			if (!item) {
				const question = JSON.parse(text) as Question;
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
			byQuestion.set(row.questionId, item);
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
