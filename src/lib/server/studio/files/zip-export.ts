// "Download as files": the draft in the `courses/` format, in one zip under `<slug>/`, each file
// with exactly the bytes `courses:export` writes. A fixed date makes the same draft the same zip.
import { zipSync, type Zippable } from 'fflate';
import type { Db } from '../../db/index.ts';
import { draftRows } from '../draft-files.ts';

const EPOCH = new Date('2000-01-01T00:00:00Z');

/** The course's draft as a zip: `<slug>/course.yaml`, `<slug>/01-…/…`, `<slug>/media/…`. */
export function draftZip(
	db: Db,
	{ courseId, slug }: { courseId: number; slug: string }
): Uint8Array {
	const files: Zippable = {};
	for (const row of draftRows(db, courseId)) {
		// Images are compressed already: stored, not deflated again.
		const level = row.path.endsWith('.webp') ? 0 : 6;
		files[`${slug}/${row.path}`] = [new Uint8Array(row.content), { level, mtime: EPOCH }];
	}
	return zipSync(files, { mtime: EPOCH });
}
