// Item analysis as a trainer reads it: the course's quizzes to choose from, and for the chosen
// one the statistics with each question's text, options and key in the reader's language.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { quiz } from '../../db/schema/index.ts';
import { entries, isRecord } from '../body.ts';
import { localText, type Locale } from '../../text/localised.ts';
import type { ItemStatistics, QuizStatistics } from './statistics.ts';
import { loadQuizAnalysis } from './load.ts';

export type QuizChoice = { slug: string; title: string };
export type ReportOption = {
	id: string;
	text: string;
	correct: boolean;
	count: number;
	share: number;
};
export type ReportItem = Omit<ItemStatistics, 'options'> & {
	key: string;
	version: number;
	type: string;
	prompt: string;
	options: ReportOption[];
};
export type AnalysisReport = {
	quizzes: QuizChoice[];
	quiz: QuizChoice | null;
	summary: Omit<QuizStatistics, 'items'> | null;
	items: ReportItem[];
};

/** Which options are right: `correct: true`, a positive fraction, or the true/false answer. */
function isCorrect(body: Record<string, unknown>, type: string, id: string): boolean {
	if (type === 'truefalse') return String(body.answer) === id;
	const option = entries(body, 'options').find((e) => e.id === id);
	if (!option) return false;
	const fraction = option.raw.fraction;
	return option.raw.correct === true || (typeof fraction === 'number' && fraction > 0);
}

function optionText(body: Record<string, unknown>, type: string, id: string, locales: Locale[]) {
	if (type === 'truefalse') return id;
	const raw = entries(body, 'options').find((e) => e.id === id)?.raw;
	return isRecord(raw) ? localText(raw.text, locales) : id;
}

export function courseQuizAnalysis(
	db: Db,
	input: {
		courseId: number;
		quizSlug: string | null;
		locales: Locale[];
		learners?: readonly string[] | null;
	}
): AnalysisReport {
	const quizzes = db
		.select({ id: quiz.id, slug: quiz.slug, settings: quiz.settings })
		.from(quiz)
		.where(and(eq(quiz.courseId, input.courseId), eq(quiz.archived, false)))
		.orderBy(asc(quiz.id))
		.all();
	const choices = quizzes.map((q) => ({
		slug: q.slug,
		title: localText(q.settings.title, input.locales) || q.slug
	}));
	const chosen = quizzes.find((q) => q.slug === input.quizSlug) ?? null;
	if (!chosen) return { quizzes: choices, quiz: null, summary: null, items: [] };
	const { statistics, questions } = loadQuizAnalysis(db, chosen.id, input.learners ?? null);
	const { items, ...summary } = statistics;
	return {
		quizzes: choices,
		quiz: choices.find((c) => c.slug === chosen.slug) ?? null,
		summary,
		items: items.flatMap((item) => {
			const q = questions.find((candidate) => candidate.key === item.questionId);
			if (!q) return [];
			const body = q.question.body;
			return [
				{
					...item,
					key: q.key,
					version: q.version,
					type: q.question.type,
					prompt: localText(body.prompt, input.locales),
					options: item.options.map((o) => ({
						...o,
						text: optionText(body, q.question.type, o.id, input.locales),
						correct: isCorrect(body, q.question.type, o.id)
					}))
				}
			];
		})
	};
}
