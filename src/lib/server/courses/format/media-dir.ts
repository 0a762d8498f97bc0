import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageKind } from './image-kind.ts';
import { START, type Report } from './problems.ts';

/** An image of the course, as its `media/` folder holds it (WebP, written by the studio). */
export type CourseImage = { name: string; hash: string };

export const MEDIA_DIR = 'media';
/** The one file name a course image may have: the studio writes `<slug>-<8 hex>.webp`. */
export const MEDIA_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.webp$/;
/** Larger than anything the studio writes (it resizes to 1600 px); a guard for files from git. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

/** Reads `<course>/media/`: WebP images only, named in lowercase; anything else is an error. */
export function readMediaDir(courseDir: string, report: Report): CourseImage[] {
	const dir = path.join(courseDir, MEDIA_DIR);
	if (!fs.existsSync(dir)) return [];
	const out: CourseImage[] = [];
	for (const entry of fs
		.readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.')) continue;
		const file = path.join(dir, entry.name);
		if (!entry.isFile() || !MEDIA_NAME.test(entry.name)) {
			report.error(
				file,
				START,
				`media/ holds only images named like photo-name.webp: ${entry.name}`
			);
			continue;
		}
		const bytes = fs.readFileSync(file);
		if (bytes.length > MAX_MEDIA_BYTES) report.error(file, START, 'image larger than 5 MB');
		else if (imageKind(bytes) !== 'webp')
			report.error(
				file,
				START,
				'not a WebP image (upload images through the studio, which converts them)'
			);
		else out.push({ name: entry.name, hash: createHash('sha256').update(bytes).digest('hex') });
	}
	return out;
}
