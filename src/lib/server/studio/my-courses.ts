// The studio's home: the courses where the user holds a studio role (every course for an
// admin), with their published version and the state of their draft.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course, courseRole, courseVersion, STUDIO_ROLES } from '../db/schema/index.ts';
import type { Actor } from '../access/actor.ts';
import { localText, type Locale } from '../text/localised.ts';
import { draftOutline, type Outline } from './outline.ts';

export type StudioCourse = {
	id: number;
	slug: string;
	title: string;
	published: string | null;
	roles: string[];
} & Pick<Outline, 'changes' | 'completeness'>;

/** The courses `actor` works on in the studio. */
export function listStudioCourses(
	db: Db,
	actor: NonNullable<Actor>,
	locale: Locale
): StudioCourse[] {
	const mine = db
		.select({ courseId: courseRole.courseId, role: courseRole.role })
		.from(courseRole)
		.where(and(eq(courseRole.userId, actor.id), inArray(courseRole.role, [...STUDIO_ROLES])))
		.all();
	const ids = [...new Set(mine.map((r) => r.courseId))];
	if (actor.role !== 'admin' && ids.length === 0) return [];
	const rows = db
		.select({
			id: course.id,
			slug: course.slug,
			version: courseVersion.version,
			publishedId: course.publishedVersionId,
			titles: sql<string | null>`json_extract(${courseVersion.metadata}, '$.title')`
		})
		.from(course)
		.leftJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(
			and(eq(course.archived, false), actor.role === 'admin' ? undefined : inArray(course.id, ids))
		)
		.orderBy(asc(course.slug))
		.all();
	return rows.map((r) => {
		const outline = draftOutline(db, r.id, locale);
		return {
			id: r.id,
			slug: r.slug,
			title: outline.title || (r.titles ? localText(JSON.parse(r.titles), locale) : '') || r.slug,
			published: r.publishedId === null ? null : r.version,
			roles: mine.filter((m) => m.courseId === r.id).map((m) => m.role),
			changes: outline.changes,
			completeness: outline.completeness
		};
	});
}

/** The course the studio opens by slug (archived ones too: their draft stays), or null. */
export function findStudioCourse(db: Db, slug: string) {
	return (
		db
			.select({
				id: course.id,
				slug: course.slug,
				currentVersionId: course.currentVersionId,
				publishedVersionId: course.publishedVersionId,
				version: courseVersion.version
			})
			.from(course)
			.leftJoin(courseVersion, eq(courseVersion.id, course.publishedVersionId))
			.where(eq(course.slug, slug))
			.get() ?? null
	);
}
