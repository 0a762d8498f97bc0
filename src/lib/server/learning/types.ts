import type { CourseMeta } from '../courses/types.ts';

export type Locale = 'ar' | 'fr' | 'en';
export type Localised = Partial<Record<Locale, string>>;

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

/** The first text of `l` that exists, in the order given. */
export function pick(l: Localised | undefined, order: Locale[]): string {
	if (!l) return '';
	for (const loc of order) if (l[loc]) return l[loc];
	return Object.values(l).find(Boolean) ?? '';
}

/** Locales to try for a reader: theirs, then the course's, then the platform's order. */
export function localeOrder(locale: Locale, courseLocales: Locale[] = []): Locale[] {
	return [...new Set<Locale>([locale, ...courseLocales, 'ar', 'fr', 'en'])];
}
