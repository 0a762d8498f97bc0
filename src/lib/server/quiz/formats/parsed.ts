// Questions read from a GIFT or Aiken file, before they become course questions: close to what
// the file says (fractions as written, Moodle's text formats), so errors can point at it.
import type { QuestionLabels, QuestionType } from '../../courses/types.ts';

export type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** An answer with its credit: 1 = right, 0 = wrong, between = partial, below 0 = penalty. */
export type ParsedAnswer = { text: string; fraction: number; feedback: string };

/** `answer ± tolerance`, or `min..max`; both inclusive. */
export type ParsedNumericAnswer = {
	answer?: number;
	tolerance?: number;
	min?: number;
	max?: number;
	fraction: number;
	feedback: string;
};

type Base = {
	/** The `::name::`; `null` when the file gives none (ids then come from the prompt). */
	name: string | null;
	prompt: string;
	/** The prompt's `[html]`/`[markdown]`/`[plain]`/`[moodle]` marker; GIFT's default is moodle. */
	format: TextFormat;
	generalFeedback: string;
	/** The last `$CATEGORY:` above the question, as written. */
	category: string | null;
	/** 1-based line where the question starts. */
	line: number;
};

/** From the question's `// [id:…] [tag:…]` comments; absent keys when none. */
type Labelled = Base & QuestionLabels;

/** What the answer block says, per type. */
export type ParsedBody =
	| { type: 'single' | 'multiple'; options: ParsedAnswer[] }
	| { type: 'truefalse'; answer: boolean; feedbackTrue: string; feedbackFalse: string }
	| { type: 'short'; answers: ParsedAnswer[] }
	| { type: 'numeric'; answers: ParsedNumericAnswer[]; wrongFeedback: string }
	| { type: 'matching'; pairs: { prompt: string; match: string }[] }
	| { type: 'essay' | 'description' };

export type ParsedQuestion = Labelled & ParsedBody;

export type ParsedType = Extract<QuestionType, ParsedQuestion['type']>;

export type ParseError = { line: number; message: string };

export type ParseResult = { questions: ParsedQuestion[]; errors: ParseError[] };
