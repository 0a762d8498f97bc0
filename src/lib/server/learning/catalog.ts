import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { course, courseVersion, lesson, lessonText, module } from '../db/schema/index.ts';
import type { CourseMeta } from '../courses/types.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import { cachedContent } from '../courses/cache.ts';
import { prepared } from '../db/prepared.ts';
import type { CourseSummary, SyllabusModule } from './types.ts';
import type { Locale } from '../text/localised.ts';

type Meta = CourseMeta & { version: string; locales: Locale[] };

function summarise(
	row: Row,
	counts: { modules: number; lessons: number; minutes: number }
): CourseSummary {
	const m = row.meta;
	return {
		id: row.id,
		slug: row.slug,
		version: m.version,
		locales: m.locales,
		theme: m.theme,
		level: m.level,
		hours: m.hours,
		title: m.title,
		summary: m.summary,
		audience: m.audience,
		outcomes: m.outcomes,
		reviewed: m.reviewed,
		requiresKey: Boolean(m.enrolmentKey),
		moduleCount: counts.modules,
		lessonCount: counts.lessons,
		minutes: counts.minutes,
		published: row.published
	};
}

function counts(db: Db, courseIds: number[]) {
	if (courseIds.length === 0)
		return new Map<number, { modules: number; lessons: number; minutes: number }>();
	const rows = db
		.select({
			courseId: module.courseId,
			modules: sql<number>`count(distinct ${module.id})`,
			lessons: sql<number>`count(${lesson.id})`,
			minutes: sql<number>`coalesce(sum(${lesson.minutes}), 0)`
		})
		.from(module)
		.leftJoin(lesson, and(eq(lesson.moduleId, module.id), eq(lesson.archived, false)))
		.where(and(inArray(module.courseId, courseIds), eq(module.archived, false)))
		.groupBy(module.courseId)
		.all();
	return new Map(rows.map((r) => [r.courseId, r]));
}

/**
 * Courses learners may see (published, not archived); with `includeUnpublished` (trainers and
 * admins) the current version of every course.
 */
export function listCourses(
	db: Db,
	{ includeUnpublished = false }: { includeUnpublished?: boolean } = {}
): CourseSummary[] {
	return cachedContent(db, `courses:${includeUnpublished}`, () => {
		const rows = (includeUnpublished ? allCurrent : allPublished)(db);
		const c = counts(
			db,
			rows.map((r) => r.id)
		);
		return rows.map((r) => summarise(r, c.get(r.id) ?? { modules: 0, lessons: 0, minutes: 0 }));
	});
}

type Row = { id: number; slug: string; published: boolean; meta: Meta };

function courseRows(db: Db, includeUnpublished: boolean, bySlug = false) {
	const versionId = includeUnpublished ? course.currentVersionId : course.publishedVersionId;
	return db
		.select({
			id: course.id,
			slug: course.slug,
			published: isNotNull(course.publishedVersionId),
			// The glossary is most of the metadata and no page here needs it (listCourses 2.2 -> 0.9 ms).
			meta: sql<string>`json_remove(${courseVersion.metadata}, '$.glossary')`
		})
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, versionId))
		.where(
			and(eq(course.archived, false), bySlug ? eq(course.slug, sql.placeholder('slug')) : undefined)
		);
}

const toRow = (r: { id: number; slug: string; published: unknown; meta: string }): Row => ({
	id: r.id,
	slug: r.slug,
	published: Boolean(r.published),
	meta: JSON.parse(r.meta) as Meta
});

const allPublished = (db: Db) => courseRows(db, false).orderBy(asc(course.slug)).all().map(toRow);
const allCurrent = (db: Db) => courseRows(db, true).orderBy(asc(course.slug)).all().map(toRow);

// One course by its slug, through the unique index on course.slug.
const publishedBySlug = (db: Db) => courseRows(db, false, true).prepare();
const currentBySlug = (db: Db) => courseRows(db, true, true).prepare();

/** One course by slug, or null when it does not exist or the viewer may not see it. */
export function findCourse(
	db: Db,
	{ slug, includeUnpublished = false }: { slug: string; includeUnpublished?: boolean }
): CourseSummary | null {
	return cachedContent(db, `course:${includeUnpublished}:${slug}`, () => {
		const found = prepared(db, includeUnpublished ? currentBySlug : publishedBySlug).get({ slug });
		if (!found) return null;
		const row = toRow(found);
		return summarise(
			row,
			counts(db, [row.id]).get(row.id) ?? { modules: 0, lessons: 0, minutes: 0 }
		);
	});
}

/** The enrolment key of a course, for checking only; it never leaves the server. */
export function enrolmentKeyOf(db: Db, courseId: number): string | null {
	return currentCourseMeta(db, courseId)?.enrolmentKey ?? null;
}

/** Modules and lessons in order, with lesson titles in every locale the course has. */
export function syllabus(db: DbLike, courseId: number): SyllabusModule[] {
	return cachedContent(db, `syllabus:${courseId}`, () => readSyllabus(db, courseId));
}

function readSyllabus(db: DbLike, courseId: number): SyllabusModule[] {
	const mods = db
		.select()
		.from(module)
		.where(and(eq(module.courseId, courseId), eq(module.archived, false)))
		.orderBy(asc(module.position))
		.all();
	if (mods.length === 0) return [];
	const lessons = db
		.select({
			id: lesson.id,
			moduleId: lesson.moduleId,
			slug: lesson.slug,
			minutes: lesson.minutes,
			position: lesson.position,
			locale: lessonText.locale,
			title: lessonText.title
		})
		.from(lesson)
		.innerJoin(lessonText, eq(lessonText.lessonId, lesson.id))
		.where(
			and(
				inArray(
					lesson.moduleId,
					mods.map((m) => m.id)
				),
				eq(lesson.archived, false)
			)
		)
		.orderBy(asc(lesson.position))
		.all();
	return mods.map((m) => {
		const byId = new Map<number, SyllabusModule['lessons'][number]>();
		for (const l of lessons.filter((x) => x.moduleId === m.id)) {
			const entry = byId.get(l.id) ?? {
				id: l.id,
				slug: l.slug,
				minutes: l.minutes,
				position: l.position,
				title: {}
			};
			entry.title[l.locale] = l.title;
			byId.set(l.id, entry);
		}
		return {
			id: m.id,
			slug: m.slug,
			title: m.title,
			objectives: m.objectives,
			lessons: [...byId.values()]
		};
	});
}
