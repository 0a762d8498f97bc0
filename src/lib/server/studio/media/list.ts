// The images of a course's draft, for the studio's media page, its preview and its publishing.
import type { Db } from '../../db/index.ts';
import { MEDIA_DIR, MEDIA_NAME, type CourseImage } from '../../courses/format/media-dir.ts';
import { mediaUrl, variantsOf } from '../../courses/media.ts';
import type { Locale } from '../../text/localised.ts';
import { draftRows, lessonFileParts } from '../draft-files.ts';
import { ensureVariants } from './store.ts';

const PREFIX = `${MEDIA_DIR}/`;

/** The draft's images by file name and content hash. */
export function draftImages(db: Db, courseId: number): CourseImage[] {
	return draftRows(db, courseId)
		.filter((r) => r.path.startsWith(PREFIX) && MEDIA_NAME.test(r.path.slice(PREFIX.length)))
		.map((r) => ({ name: r.path.slice(PREFIX.length), hash: r.hash }));
}

/** Makes the reader's copies of every draft image that lacks them (before publishing). */
export async function ensureDraftVariants(
	db: Db,
	{ courseId, dataDir }: { courseId: number; dataDir: string }
): Promise<void> {
	for (const r of draftRows(db, courseId))
		if (r.path.startsWith(PREFIX)) await ensureVariants(db, { dataDir, master: r.content });
}

export type ImageUse = { stem: string; locale: Locale; alt: string };
export type DraftImage = {
	name: string;
	thumbnail: { src: string; width: number; height: number } | null;
	uses: ImageUse[];
};

const altPattern = (name: string) =>
	new RegExp(
		`!\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(\\.\\./${MEDIA_DIR}/${name.replace(/\./g, '\\.')}\\)`,
		'g'
	);

/** Each draft image with a small copy to show and the lessons that use it (with their alt). */
export function listDraftImages(db: Db, courseId: number): DraftImage[] {
	const rows = draftRows(db, courseId);
	const images = draftImages(db, courseId);
	const variants = variantsOf(
		db,
		images.map((i) => i.hash)
	);
	const lessons = rows.flatMap((r) => {
		const parts = lessonFileParts(r.path);
		return parts ? [{ ...parts, text: Buffer.from(r.content).toString('utf8') }] : [];
	});
	return images.map(({ name, hash }) => {
		const small = variants.get(hash)?.[0];
		const uses = lessons.flatMap((l) =>
			[...l.text.matchAll(altPattern(name))].map((m) => ({
				stem: l.stem,
				locale: l.locale,
				alt: (m[1] ?? '').replace(/\\(.)/g, '$1')
			}))
		);
		return {
			name,
			thumbnail: small
				? { src: mediaUrl(small.hash), width: small.width, height: small.height }
				: null,
			uses
		};
	});
}
