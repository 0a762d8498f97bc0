// Writing a course's draft out in the `courses/` format, byte for byte as the rows hold it.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { ensureDraft } from './ensure-draft.ts';
import { writeDraftFolder } from './draft-files.ts';

/** Writes course `slug` to `<dir>/<slug>/` (refusing a folder that is already there). */
export function exportCourse(
	db: Db,
	{ slug, dir, coursesDir }: { slug: string; dir: string; coursesDir: string }
): string {
	const row = db.select({ id: course.id }).from(course).where(eq(course.slug, slug)).get();
	if (!row || !ensureDraft(db, { courseId: row.id, slug, coursesDir }))
		throw new DomainError('not_found');
	const target = path.join(dir, slug);
	if (fs.existsSync(target)) throw new DomainError('export_exists');
	writeDraftFolder(db, { courseId: row.id, dir: target });
	return target;
}
