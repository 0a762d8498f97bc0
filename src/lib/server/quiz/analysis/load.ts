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

/** A question an attempt showed: its id and type, and which definition of it (its body). */
type Shown = { attemptId: number; questionId: string; type: string; body: string | null };
/** One distinct definition of a question among the attempts: its body and the whole question. */
type Definition = { questionId: string; body: string; question: string };

const inList = (ids: number[]) =>
	sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);

/**
 * The questions each attempt showed, in order, and the distinct definitions among them, read
 * from the snapshots by SQLite's JSON functions (jsonb_each: each snapshot parsed once, its
 * elements read as binary JSON without parsing them again): only the few distinct questions cross into
 * JavaScript as text, not every attempt's snapshot (about 18 KB each: converting and parsing
 * 500 of them took most of a cohort's item analysis). A row carries its body only when its
 * question has several definitions (edited between attempts), to tell them apart.
 */
function shownQuestions(db: Db, ids: number[]) {
	const chunks: number[][] = [];
	for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
	const definitions = new Map<string, Map<string, string>>();
	for (const chunk of chunks) {
		const rows = db.all<Definition>(sql`
			select j.value ->> '$.question.id' as questionId,
				json(jsonb_extract(j.value, '$.question.body')) as body,
				json(min(jsonb_extract(j.value, '$.question'))) as question
			from ${quizAttempt} a, jsonb_each(a.questions) j
			where a.id in (${inList(chunk)}) group by 1, jsonb_extract(j.value, '$.question.body')`);
		for (const d of rows) {
			const bodies = definitions.get(d.questionId) ?? new Map<string, string>();
			if (!bodies.has(d.body)) bodies.set(d.body, d.question);
			definitions.set(d.questionId, bodies);
		}
	}
	const edited = [...definitions].filter(([, bodies]) => bodies.size > 1).map(([id]) => id);
	const bodyIfEdited = edited.length
		? sql`case when j.value ->> '$.question.id' in (${sql.join(
				edited.map((id) => sql`${id}`),
				sql`, `
			)}) then json(jsonb_extract(j.value, '$.question.body')) end`
		: sql`null`;
	const shown = new Map<number, Shown[]>();
	for (const chunk of chunks) {
		const rows = db.all<Shown>(sql`
			select a.id as attemptId, j.value ->> '$.question.id' as questionId,
				j.value ->> '$.question.type' as type, ${bodyIfEdited} as body
			from ${quizAttempt} a, jsonb_each(a.questions) j
			where a.id in (${inList(chunk)}) order by a.id, j.key`);
		for (const row of rows) {
			const list = shown.get(row.attemptId) ?? [];
			list.push(row);
			shown.set(row.attemptId, list);
		}
	}
	/** The definition a shown question had: its body, and the question as JSON text. */
	const definitionOf = (row: Shown): [string, string] => {
		const bodies = definitions.get(row.questionId);
		const body = row.body ?? bodies?.keys().next().value ?? '';
		return [body, bodies?.get(body) ?? 'null'];
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
			const [body, text] = definitionOf(row);
			const identity = `${row.questionId}\u0000${body}`;
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
