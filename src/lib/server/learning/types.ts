import type { CourseMeta } from '../courses/types.ts';

import type { Locale, Localised } from '../text/localised.ts';

/** A published course as the catalog and course page see it (never the enrolment key itself). */
export type CourseSummary = {
	id: number;
	slug: string;
	version: string;
	locales: Locale[];
	theme: CourseMeta['theme'];
	level: CourseMeta['level'];
	hours: number;
	title: Localised;
	summary: Localised;
	audience: Localised;
	outcomes: Partial<Record<Locale, string[]>>;
	reviewed: string;
	requiresKey: boolean;
	moduleCount: number;
	lessonCount: number;
	minutes: number;
	published: boolean;
};

export type SyllabusLesson = {
	id: number;
	slug: string;
	minutes: number;
	title: Localised;
	position: number;
};
export type SyllabusModule = {
	id: number;
	slug: string;
	title: Localised;
	objectives: Partial<Record<Locale, string[]>>;
	lessons: SyllabusLesson[];
};
