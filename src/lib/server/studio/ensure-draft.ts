// A course imported from `courses/` gets its draft the first time the studio opens it: the
// files exactly as they are on disk, so an untouched draft exports to the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { draftFile } from '../db/schema/index.ts';
import { courseFolderSlug } from '../courses/format/course-file.ts';
import { findCourseDirs } from '../courses/format/load.ts';
import { insertDraft, readCourseFolder } from './draft-files.ts';
import { recordPublishedFiles } from './published-files.ts';

/** The folder under `coursesDir` that holds the course `slug`, or null. */
export function findCourseFolder(coursesDir: string, slug: string): string | null {
	if (!fs.existsSync(coursesDir)) return null;
	return findCourseDirs(coursesDir).find((d) => courseFolderSlug(d) === slug) ?? null;
}

/** Makes sure the course has a draft; a course without one starts from its folder, if any. */
export function ensureDraft(
	db: Db,
	{
		courseId,
		slug,
		coursesDir,
		now = new Date()
	}: { courseId: number; slug: string; coursesDir: string; now?: Date }
): boolean {
	const any = db
		.select({ p: draftFile.path })
		.from(draftFile)
		.where(eq(draftFile.courseId, courseId))
		.limit(1)
		.get();
	if (any) return true;
	const dir = findCourseFolder(path.resolve(coursesDir), slug);
	if (!dir) return false;
	const files = readCourseFolder(dir);
	db.transaction((tx) => {
		insertDraft(tx, { courseId, files, actorId: null, now });
		// The files are what learners read now: the baseline the studio's diff starts from.
		recordPublishedFiles(tx, { courseId, files });
	});
	return true;
}
