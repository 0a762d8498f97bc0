// A studio-edited course is never overwritten by its folder; the importer notes instead that the
// folder differs, so an admin can choose (see studio/review/import-conflicts.ts).
import { sql } from 'drizzle-orm';
import type { DbLike } from '../../db/index.ts';
import { importConflict } from '../../db/schema/index.ts';

/**
 * Notes that the course's folder now hashes to `hash`. The same hash changes nothing (a choice
 * already made stands); a new one reopens the conflict.
 */
export function recordImportConflict(
	db: DbLike,
	{ courseId, hash, now }: { courseId: number; hash: string; now: Date }
): void {
	db.insert(importConflict)
		.values({ courseId, filesHash: hash, status: 'open', detectedAt: now })
		.onConflictDoUpdate({
			target: importConflict.courseId,
			set: { filesHash: hash, status: 'open', detectedAt: now, decidedBy: null, decidedAt: null },
			setWhere: sql`${importConflict.filesHash} <> ${hash}`
		})
		.run();
}
