// Course images that arrive as files (a course exported by the studio and committed to git, then
// imported on another machine) have no reader's copies yet: the importer renders an image only
// through its copies, so they are made here, before the import, as an upload would make them.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/index.ts';
import { findCourseDirs } from '../../courses/format/load.ts';
import { MEDIA_DIR, readMediaDir } from '../../courses/format/media-dir.ts';
import { Report } from '../../courses/format/problems.ts';
import { ensureVariants } from './store.ts';

/**
 * Makes the copies of every valid image under each course's `media/` in `coursesDir` that lacks
 * them; returns how many images were looked at. An invalid image is left for the importer's
 * checker to report with its file and line.
 */
export async function ensureFolderImages(
	db: Db,
	{ coursesDir, dataDir }: { coursesDir: string; dataDir: string }
): Promise<number> {
	let seen = 0;
	for (const dir of findCourseDirs(coursesDir)) {
		for (const image of readMediaDir(dir, new Report())) {
			const master = fs.readFileSync(path.join(dir, MEDIA_DIR, image.name));
			await ensureVariants(db, { dataDir, master });
			seen++;
		}
	}
	return seen;
}
