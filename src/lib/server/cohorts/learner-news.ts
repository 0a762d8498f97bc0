// What a learner sees of their cohorts on "My learning" and the course page: the trainers'
// announcements and the module due dates, each only from cohorts they are a member of.
import type { Db } from '../db/index.ts';
import { learnerAnnouncements, type Announcement } from './announcements.ts';
import { learnerDueDates } from './due-dates.ts';
import { tunisDay } from './days.ts';
import { localText, type Locale, type Localised } from '../text/localised.ts';

export type DueItem = { moduleId: number; dueOn: string; overdue: boolean };

/**
 * The due dates in module order; a date is overdue once its day has passed in Tunisia and the
 * module is not finished (every lesson done).
 */
export function dueList(
	due: Map<number, string>,
	{ modules, today }: { modules: { id: number; percent: number }[]; today: string }
): DueItem[] {
	return modules.flatMap((mod) => {
		const dueOn = due.get(mod.id);
		return dueOn ? [{ moduleId: mod.id, dueOn, overdue: dueOn < today && mod.percent < 100 }] : [];
	});
}

export type CohortNews = { announcements: Announcement[]; due: DueItem[] };

/** A learner's announcements and due dates for one course. */
export function learnerCourseNews(
	db: Db,
	{
		userId,
		courseId,
		modules,
		now = new Date()
	}: {
		userId: string;
		courseId: number;
		modules: { id: number; percent: number }[];
		now?: Date;
	}
): CohortNews {
	return {
		announcements: learnerAnnouncements(db, { userId, courseIds: [courseId], limit: 5 }),
		due: dueList(learnerDueDates(db, { userId, courseId }), { modules, today: tunisDay(now) })
	};
}

/**
 * The news as the pages show it: module titles in the reader's languages. `progress` is the
 * learner's course progress (null when not enrolled: nothing is overdue for no one).
 */
export function presentCohortNews(
	db: Db,
	{
		userId,
		courseId,
		modules,
		progress,
		order,
		now = new Date()
	}: {
		userId: string;
		courseId: number;
		modules: { id: number; title: Localised }[];
		progress: { modules: { id: number; percent: number }[] } | null;
		order: Locale[];
		now?: Date;
	}
) {
	const percent = new Map(progress?.modules.map((p) => [p.id, p.percent]));
	const news = learnerCourseNews(db, {
		userId,
		courseId,
		modules: modules.map((mod) => ({ id: mod.id, percent: percent.get(mod.id) ?? 0 })),
		now
	});
	const titles = new Map(modules.map((mod) => [mod.id, localText(mod.title, order)]));
	return {
		announcements: news.announcements.map(({ id, cohort, body, createdAt }) => ({
			id,
			cohort,
			body,
			createdAt
		})),
		due: news.due.map((d) => ({ ...d, module: titles.get(d.moduleId) ?? '' }))
	};
}
