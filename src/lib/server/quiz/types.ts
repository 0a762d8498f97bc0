// The quiz engine's own shapes: what a learner sends for each question type, what grading
// returns, and what the browser may see. Questions themselves are the course loader's
// `Question` (src/lib/server/courses/types.ts); their `body` is read through body.ts.
import type { Locale } from '../text/localised.ts';
import type { Question, QuestionType } from '../courses/types.ts';

export type { Question, QuestionType };

/**
 * What the browser sends back, per type. Anything else (wrong shape, unknown ids, duplicates)
 * is graded as a wrong answer, never an error: a learner's tampered form must not cost a 500.
 * - matching: pair id -> the `id` of the match as presented (see present.ts)
 * - ordering: the presented item ids, in the order the learner put them
 */
export type ResponseByType = {
	single: string;
	multiple: string[];
	truefalse: boolean;
	short: string;
	numeric: string;
	matching: Record<string, string>;
	ordering: string[];
	essay: string;
	description: null;
};

export type GradeOptions = { locale: Locale };

export type GradeResult = {
	/** Points earned; `null` while a trainer has still to grade (essay). */
	score: number | null;
	max: number;
	/** `null` when right/wrong does not apply (essay, description). */
	correct: boolean | null;
	pending?: true;
	/**
	 * Which per-option feedback to show: ids of the chosen options that carry feedback; for
	 * true/false, `'true'` or `'false'` (meaning `feedbackTrue` / `feedbackFalse`).
	 */
	feedback: { optionIds: string[] };
};

export type AttemptGrade = {
	score: number;
	max: number;
	/** score / max × 100, rounded to 2 decimals; 0 when nothing is scored. */
	percentage: number;
	/** Essays still waiting for a trainer; the attempt is final only when this is 0. */
	pending: number;
	results: Record<string, GradeResult>;
};

/** A piece of text the browser shows, with an id it may send back. */
export type PresentedChoice = { id: string; text: string };

/** What the browser may see of one question: never any key that tells the answer. */
export type PresentedQuestion = {
	id: string;
	type: QuestionType;
	points: number;
	prompt: string;
	options?: PresentedChoice[];
	/** matching: left-hand prompts in their written order, right-hand matches shuffled. */
	pairs?: PresentedChoice[];
	matches?: PresentedChoice[];
	/** ordering: the items, shuffled. */
	items?: PresentedChoice[];
	unit?: string;
	minWords?: number;
	guidance?: string;
};
