import { eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
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
