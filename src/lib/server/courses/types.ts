import type { CourseImage } from './format/media-dir.ts';
import type { Locale, Localised, LocalisedList } from '../text/localised.ts';

/** Everything in course.yaml except what the tables hold in their own columns. */
export type CourseMeta = {
	theme: 'urban-planning' | 'participatory-governance' | 'gender' | 'other';
	level: 'introductory' | 'intermediate' | 'advanced';
	/** Computed from the content (format/hours.ts); a `hours:` key in course.yaml is ignored. */
	hours: number;
	authors: string[];
	licence: string;
	reviewed: string;
	/** Year-month (YYYY-MM) of the most recent source the course relies on; null when not declared. */
	evidence: string | null;
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
		/** What each module's assignment needs for completion (default none). */
		assignments?: 'none' | 'submitted' | 'graded';
		/** When the final opens: after the required module quizzes (default) or at any time. */
		finalOpens?: 'afterQuizzes' | 'always';
	};
	pretest: number | null;
	/** Emails of the trainer accounts that run this course (course.yaml `trainers:`). */
	trainers: string[];
	/** `public` publishes the course's impact page (aggregates, small cells hidden); absent in older versions. */
	impact?: 'public' | 'private';
};

export type LessonText = {
	locale: Locale;
	file: string;
	title: string;
	minutes: number;
	sources: string[];
	/** What the learner can do after the lesson (front matter `outcomes:`); [] when not given. */
	outcomes: string[];
	/** Time for the lesson's exercise, in minutes (0 when none). */
	activityMinutes: number;
	/** Whether the lesson's worked case is real or invented; null when not said. */
	case: 'real' | 'fictional' | null;
	/** The Markdown body, without its front matter. */
	markdown: string;
};

/** A printable worksheet (worksheets/NN-slug.locale.md) in one locale. */
export type WorksheetText = {
	locale: Locale;
	file: string;
	title: string;
	purpose: string;
	markdown: string;
};

export type Worksheet = {
	slug: string;
	position: number;
	texts: Partial<Record<Locale, WorksheetText>>;
};

/** The facilitator guide (facilitator.locale.md) in one locale: trainers and admins only. */
export type FacilitatorText = { locale: Locale; file: string; title: string; markdown: string };

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
	/** assignment.yaml: one essay graded by a trainer; its quiz slug is `<module>.assignment`. */
	assignment: Quiz | null;
};

export type GlossaryTerm = {
	id: string;
	text: Localised;
	note: Localised | null;
	/** Variant spellings or rival terms not to use, per locale. */
	avoid?: LocalisedList;
};

/** What a course version row keeps of course.yaml (courseVersion.metadata). */
export type VersionMeta = CourseMeta & {
	version: string;
	locales: Locale[];
	glossary: GlossaryTerm[];
	/** Content the tables have no column for; absent in versions imported before it existed. */
	extras?: VersionExtras;
};

/** Per lesson (key `module/lesson`): outcomes per locale, exercise time, real or invented case. */
export type LessonExtras = {
	outcomes: LocalisedList;
	activityMinutes: number;
	case: 'real' | 'fictional' | null;
};

/** A worksheet or the facilitator guide, rendered (sanitised) at import. */
export type RenderedPage = { title: string; purpose?: string; html: string };

export type VersionExtras = {
	lessons: Record<string, LessonExtras>;
	worksheets: { slug: string; position: number; texts: Partial<Record<Locale, RenderedPage>> }[];
	facilitator: Partial<Record<Locale, RenderedPage>>;
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
	worksheets: Worksheet[];
	facilitator: Partial<Record<Locale, FacilitatorText>>;
	/** The images under `media/`, by file name and content hash. */
	media: CourseImage[];
};
