// Course images in the database: the resized copies of each image (by the hash of the image as
// the course files hold it) and the images of each course's published version.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { courseMedia, mediaVariant, type MediaVariant } from '../db/schema/index.ts';
import type { CourseImage } from './format/media-dir.ts';
import type { ImageResolver } from './render/images.ts';

/** Where a stored copy is served (src/server/media.ts): its own hash, so it never changes. */
export const mediaUrl = (hash: string): string => `/media/${hash}.webp`;
/** How a lesson names a course image: relative to the lesson file, in the course's media/. */
export const MEDIA_REF = /^\.\.\/media\/([a-z0-9]+(?:-[a-z0-9]+)*\.webp)$/;

/** The resized copies of each image, narrowest first. */
export function variantsOf(db: DbLike, masterHashes: string[]): Map<string, MediaVariant[]> {
	const out = new Map<string, MediaVariant[]>();
	if (masterHashes.length === 0) return out;
	const rows = db
		.select()
		.from(mediaVariant)
		.where(inArray(mediaVariant.masterHash, [...new Set(masterHashes)]))
		.orderBy(asc(mediaVariant.width))
		.all();
	for (const r of rows) out.set(r.masterHash, [...(out.get(r.masterHash) ?? []), r]);
	return out;
}

/** Resolves `../media/<name>` in a lesson to the image's copies (a missing one stays as written). */
export function imageResolver(db: DbLike, images: CourseImage[]): ImageResolver {
	const byName = new Map(images.map((i) => [i.name, i.hash]));
	const variants = variantsOf(
		db,
		images.map((i) => i.hash)
	);
	return (url) => {
		const name = MEDIA_REF.exec(url)?.[1];
		const list = name === undefined ? undefined : variants.get(byName.get(name) ?? '');
		const largest = list?.at(-1);
		if (!list || !largest) return undefined;
		// The 720 px copy when there is one: sharp enough for a phone that ignores srcset.
		const fallback = list.find((v) => v.width >= 720) ?? largest;
		return {
			src: mediaUrl(fallback.hash),
			srcset: list.map((v) => `${mediaUrl(v.hash)} ${String(v.width)}w`).join(', '),
			width: largest.width,
			height: largest.height
		};
	};
}

/** The images of the course's published version (what its stored lessons point at). */
export function publishedImages(db: DbLike, courseId: number): CourseImage[] {
	return db
		.select({ name: courseMedia.name, hash: courseMedia.masterHash })
		.from(courseMedia)
		.where(eq(courseMedia.courseId, courseId))
		.all();
}

/** Records the images of a version just published or imported (in the caller's transaction). */
export function recordPublishedImages(db: DbLike, courseId: number, images: CourseImage[]): void {
	db.delete(courseMedia).where(eq(courseMedia.courseId, courseId)).run();
	for (const i of images)
		db.insert(courseMedia).values({ courseId, name: i.name, masterHash: i.hash }).run();
}
