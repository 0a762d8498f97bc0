import { eq, sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { preparedOn } from '../db/prepared.ts';
import { course, courseVersion } from '../db/schema/index.ts';
import type { VersionMeta } from './types.ts';
import { cachedContent } from './cache.ts';

/** A course's metadata (course.yaml as imported) as of the version its rows hold; null if none. */
export function currentCourseMeta(db: DbLike, courseId: number): VersionMeta | null {
	return cachedContent(db, `meta:${courseId}`, () => readMeta(db, courseId));
}

function readMeta(db: DbLike, courseId: number): VersionMeta | null {
	const row = db
		.select({ metadata: courseVersion.metadata })
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(eq(course.id, courseId))
		.get();
	return row?.metadata ?? null;
}

/**
 * The course's pass mark alone. Starting a quiz reads it inside a transaction, where the content
 * cache is not used, and parsing the whole metadata (its glossary is large) for one number was
 * a sixth of a quiz start (issue 15).
 */
export function currentPassMark(db: DbLike, courseId: number): number | null {
	return preparedOn(db, passMarkOf).get({ courseId })?.passMark ?? null;
}

const passMarkOf = (db: DbLike) =>
	db
		.select({
			passMark: sql<number | null>`json_extract(${courseVersion.metadata}, '$.completion.passMark')`
		})
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(eq(course.id, sql.placeholder('courseId')))
		.prepare();
