import type { Locale, Localised, LocalisedList } from '../text/localised.ts';

/** Everything in course.yaml except what the tables hold in their own columns. */
export type CourseMeta = {
	theme: 'urban-planning' | 'participatory-governance' | 'gender' | 'other';
	level: 'introductory' | 'intermediate' | 'advanced';
	hours: number;
	authors: string[];
	licence: string;
	reviewed: string;
	published: boolean;
	enrolmentKey: string | null;
	title: Localised;
	summary: Localised;
	audience: Localised;
	outcomes: LocalisedList;
	completion: {
		lessons: 'all' | 'none';
		moduleQuizzes: 'passed' | 'none';
		passMark: number;
		certificate: 'completion' | 'participation' | 'both' | 'none';
	};
	pretest: number | null;
	/** Emails of the trainer accounts that run this course (course.yaml `trainers:`). */
	trainers: string[];
};

export type LessonText = {
	locale: Locale;
	file: string;
	title: string;
	minutes: number;
	sources: string[];
	/** The Markdown body, without its front matter. */
	markdown: string;
};

export type Lesson = { slug: string; position: number; texts: Partial<Record<Locale, LessonText>> };

export type QuizSettings = {
	title: Localised;
	passMark: number | null;
	attempts: number;
	cooldownMinutes: number;
	timeLimitMinutes: number;
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	draw: number | null;
	feedback: 'after-submit' | 'immediate';
	showAnswers: 'after-submit' | 'after-pass' | 'never';
	mastery: { of: number; correct: number } | null;
};

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'numeric',
	'matching',
	'ordering',
	'essay',
	'description'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * Moodle's labels for a question, kept through GIFT import and export: an idnumber unique in
 * the course, and tags. Optional keys of a question's `body` (rules: format/question-labels.ts).
 */
export type QuestionLabels = { idnumber?: string; tags?: string[] };

/** A question as written: `body` is the whole localised definition, as plain data. */
export type Question = {
	id: string;
	type: QuestionType;
	points: number;
	body: Record<string, unknown>;
};

export type Quiz = { slug: string; file: string; settings: QuizSettings; questions: Question[] };

export type Module = {
	slug: string;
	position: number;
	title: Localised;
	objectives: LocalisedList;
	lessons: Lesson[];
	quiz: Quiz | null;
};

export type GlossaryTerm = { id: string; text: Localised; note: Localised | null };

/** What a course version row keeps of course.yaml (courseVersion.metadata). */
export type VersionMeta = CourseMeta & {
	version: string;
	locales: Locale[];
	glossary: GlossaryTerm[];
};

export type Course = {
	slug: string;
	dir: string;
	version: string;
	locales: Locale[];
	meta: CourseMeta;
	modules: Module[];
	final: Quiz | null;
	glossary: GlossaryTerm[];
};
